package org.ovsqos.ovsdb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.ovsqos.json.JsonTrees;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.NotationJson;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.notation.UuidAtom;

/**
 * Reads the members of one JSON object, reporting problems with their JSON Pointer. Like
 * ovsdb-server's parser, it remembers which members were asked for, so that
 * {@link #rejectOthers()} can refuse the ones nobody asked for instead of dropping them.
 */
final class JsonMembers {
    private final JsonNode json;
    private final String pointer;
    private final String what;
    private final Set<String> asked = new HashSet<>();

    JsonMembers(JsonNode json, String pointer, String what) {
        this.json = json;
        this.pointer = pointer;
        this.what = what;
        if (json == null || !json.isObject()) {
            throw new OvsdbProtocolException("malformed " + what + " at " + at(pointer)
                    + ": expected a JSON object, got " + snippet(json));
        }
    }

    static String at(String pointer) {
        return pointer.isEmpty() ? "top level" : pointer;
    }

    static String snippet(JsonNode json) {
        String s = json == null || json.isMissingNode() ? "nothing" : JsonTrees.text(json);
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    OvsdbProtocolException malformed(String member, String problem) {
        return new OvsdbProtocolException("malformed " + what + " at " + pointer + "/" + member
                + ": " + problem + ", got " + snippet(json.get(member)));
    }

    /**
     * @throws OvsdbProtocolException naming the first member that no accessor asked for: a
     *     member this library does not know, whose meaning it would otherwise lose
     */
    void rejectOthers() {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!asked.contains(name)) {
                throw new OvsdbProtocolException("malformed " + what + " at " + at(pointer)
                        + ": unknown member \"" + name + "\" in " + snippet(json));
            }
        }
    }

    private boolean has(String member) {
        asked.add(member);
        return json.has(member);
    }

    JsonNode required(String member) {
        asked.add(member);
        JsonNode value = json.get(member);
        if (value == null) {
            throw new OvsdbProtocolException("malformed " + what + " at " + at(pointer)
                    + ": missing member \"" + member + "\" in " + snippet(json));
        }
        return value;
    }

    String text(String member) {
        JsonNode value = required(member);
        if (!value.isTextual()) {
            throw malformed(member, "expected a string");
        }
        return value.textValue();
    }

    boolean bool(String member) {
        JsonNode value = required(member);
        if (!value.isBoolean()) {
            throw malformed(member, "expected a boolean");
        }
        return value.booleanValue();
    }

    Optional<String> optionalText(String member) {
        return has(member) ? Optional.of(text(member)) : Optional.empty();
    }

    /** A bare UUID string, as the {@code "uuid"} member of an insert is. */
    Optional<UUID> optionalUuid(String member) {
        if (!has(member)) {
            return Optional.empty();
        }
        JsonNode value = json.get(member);
        if (!value.isTextual() || !UuidAtom.isUuidText(value.textValue())) {
            throw malformed(member, "expected a 36-character UUID string");
        }
        return Optional.of(UUID.fromString(value.textValue()));
    }

    OptionalLong optionalLong(String member) {
        if (!has(member)) {
            return OptionalLong.empty();
        }
        JsonNode value = json.get(member);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw malformed(member, "expected an integer");
        }
        return OptionalLong.of(value.longValue());
    }

    Row row(String member) {
        return NotationJson.rowFromJson(required(member), pointer + "/" + member);
    }

    List<Condition> conditions(String member) {
        return list(member, NotationJson::conditionFromJson);
    }

    Optional<List<String>> optionalStrings(String member) {
        return has(member) ? Optional.of(strings(member)) : Optional.empty();
    }

    List<String> strings(String member) {
        return list(member, (node, at) -> {
            if (!node.isTextual()) {
                throw new OvsdbProtocolException("malformed " + what + " at " + at
                        + ": expected a column name, got " + snippet(node));
            }
            return node.textValue();
        });
    }

    Wait.Until until(String member) {
        String symbol = text(member);
        for (Wait.Until u : Wait.Until.values()) {
            if (u.symbol().equals(symbol)) {
                return u;
            }
        }
        throw malformed(member, "expected \"==\" or \"!=\"");
    }

    <T> List<T> list(String member, BiFunction<JsonNode, String, T> element) {
        JsonNode array = required(member);
        if (!array.isArray()) {
            throw malformed(member, "expected an array");
        }
        var out = new ArrayList<T>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(element.apply(array.get(i), pointer + "/" + member + "/" + i));
        }
        return out;
    }
}
