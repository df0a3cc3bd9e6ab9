package org.ovsqos.ovsdb.notation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ovsqos.ovsdb.OvsdbProtocolException;

/**
 * The JSON form of the OVSDB notation (RFC 7047 section 5.1), both ways, without a schema.
 *
 * <p><b>Encoding</b> is canonical: sets are always {@code ["set", [...]]} and maps always
 * {@code ["map", [...]]}, even when the RFC would allow a one-element set to be the bare atom.
 * Every server accepts the long form for every column type, and it keeps the encoding a pure
 * function of the {@link Value}: a caller who wants the bare atom passes an {@link Atom}. Reals are
 * written so that they read back as reals ({@code 1.0}, not {@code 1}).
 *
 * <p><b>Decoding</b> keeps what is on the wire. A JSON integer that fits a {@code long} becomes an
 * {@link IntegerAtom}, a number with a fraction or exponent a {@link RealAtom}. Without a schema
 * two things cannot be told apart, and the schema layer normalises both: an integral value of a
 * {@code real} column (Open vSwitch prints {@code 1.0} as {@code 1}) decodes as an integer, and a
 * one-element set sent as its bare atom decodes as that atom. Input that is malformed under any
 * schema is rejected with an {@link OvsdbProtocolException} that names what was wrong and where,
 * as a JSON Pointer (RFC 6901) into the document passed in, or into the enclosing message when the
 * caller gives the pointer of the node it passes.
 */
public final class NotationJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** RFC 7047 section 5.1: exactly 36 characters, hyphens at fixed places. */
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int SNIPPET_MAX = 120;

    private NotationJson() {
    }

    // ---------------------------------------------------------------- encoding

    public static JsonNode toJson(Value value) {
        if (value instanceof Atom a) {
            return atomToJson(a);
        } else if (value instanceof OvsdbSet s) {
            ArrayNode elements = JSON.arrayNode(s.size());
            s.elements().forEach(a -> elements.add(atomToJson(a)));
            return JSON.arrayNode(2).add("set").add(elements);
        } else if (value instanceof OvsdbMap m) {
            ArrayNode pairs = JSON.arrayNode(m.size());
            m.entries().forEach((k, v) -> pairs.add(JSON.arrayNode(2).add(atomToJson(k)).add(atomToJson(v))));
            return JSON.arrayNode(2).add("map").add(pairs);
        }
        throw new IllegalArgumentException("not an OVSDB value: " + value);
    }

    private static JsonNode atomToJson(Atom atom) {
        if (atom instanceof IntegerAtom i) {
            long v = i.value();
            // An int node where it fits, as a parser would produce, so trees compare equal.
            return v == (int) v ? JSON.numberNode((int) v) : JSON.numberNode(v);
        } else if (atom instanceof RealAtom r) {
            return JSON.numberNode(r.value());
        } else if (atom instanceof BooleanAtom b) {
            return JSON.booleanNode(b.value());
        } else if (atom instanceof StringAtom s) {
            return JSON.textNode(s.value());
        } else if (atom instanceof UuidAtom u) {
            return JSON.arrayNode(2).add("uuid").add(u.value().toString());
        } else if (atom instanceof NamedUuidAtom n) {
            return JSON.arrayNode(2).add("named-uuid").add(n.name());
        }
        throw new IllegalArgumentException("not an OVSDB atom: " + atom);
    }

    public static ObjectNode toJson(Row row) {
        ObjectNode json = JSON.objectNode();
        row.columns().forEach((column, value) -> json.set(column, toJson(value)));
        return json;
    }

    public static ArrayNode toJson(Condition condition) {
        return JSON.arrayNode(3)
                .add(condition.column())
                .add(condition.function().symbol())
                .add(toJson(condition.value()));
    }

    public static ArrayNode toJson(Mutation mutation) {
        return JSON.arrayNode(3)
                .add(mutation.column())
                .add(mutation.mutator().symbol())
                .add(toJson(mutation.value()));
    }

    // ---------------------------------------------------------------- decoding

    /** Decodes a value, without a schema. @throws OvsdbProtocolException if it is malformed */
    public static Value valueFromJson(JsonNode json) {
        return valueFromJson(json, "");
    }

    /**
     * Decodes a value found at JSON Pointer {@code pointer} of an enclosing message; the pointer
     * only serves error messages. @throws OvsdbProtocolException if it is malformed
     */
    public static Value valueFromJson(JsonNode json, String pointer) {
        if (json != null && json.isArray() && json.size() == 2 && json.get(0).isTextual()) {
            switch (json.get(0).textValue()) {
                case "set":
                    return setFromJson(json, pointer);
                case "map":
                    return mapFromJson(json, pointer);
                default:
                    break;
            }
        }
        return atomFromJson(json, pointer, "an atom, set or map");
    }

    /** Decodes a row object. @throws OvsdbProtocolException if it is malformed */
    public static Row rowFromJson(JsonNode json) {
        return rowFromJson(json, "");
    }

    /** Decodes a row object found at {@code pointer} of an enclosing message. */
    public static Row rowFromJson(JsonNode json, String pointer) {
        if (json == null || !json.isObject()) {
            throw malformed("row", pointer, "expected a JSON object of columns", json);
        }
        var columns = new LinkedHashMap<String, Value>(json.size() * 2);
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            columns.put(e.getKey(), valueFromJson(e.getValue(), pointer + "/" + escape(e.getKey())));
        }
        return new Row(columns);
    }

    /** Decodes {@code [column, function, value]}. @throws OvsdbProtocolException if malformed */
    public static Condition conditionFromJson(JsonNode json) {
        return conditionFromJson(json, "");
    }

    /** Decodes a condition found at {@code pointer} of an enclosing message. */
    public static Condition conditionFromJson(JsonNode json, String pointer) {
        requireTriple(json, pointer, "condition", "[<column>, <function>, <value>]");
        String symbol = json.get(1).textValue();
        Condition.Function function = Condition.Function.fromSymbol(symbol)
                .orElseThrow(() -> malformed("condition", pointer + "/1", "unknown function \"" + symbol + '"', json.get(1)));
        return new Condition(json.get(0).textValue(), function, valueFromJson(json.get(2), pointer + "/2"));
    }

    /** Decodes {@code [column, mutator, value]}. @throws OvsdbProtocolException if malformed */
    public static Mutation mutationFromJson(JsonNode json) {
        return mutationFromJson(json, "");
    }

    /** Decodes a mutation found at {@code pointer} of an enclosing message. */
    public static Mutation mutationFromJson(JsonNode json, String pointer) {
        requireTriple(json, pointer, "mutation", "[<column>, <mutator>, <value>]");
        String symbol = json.get(1).textValue();
        Mutation.Mutator mutator = Mutation.Mutator.fromSymbol(symbol)
                .orElseThrow(() -> malformed("mutation", pointer + "/1", "unknown mutator \"" + symbol + '"', json.get(1)));
        return new Mutation(json.get(0).textValue(), mutator, valueFromJson(json.get(2), pointer + "/2"));
    }

    private static void requireTriple(JsonNode json, String pointer, String what, String shape) {
        if (json == null || !json.isArray() || json.size() != 3
                || !json.get(0).isTextual() || !json.get(1).isTextual()) {
            throw malformed(what, pointer, "expected " + shape, json);
        }
    }

    private static OvsdbSet setFromJson(JsonNode json, String pointer) {
        JsonNode elements = json.get(1);
        if (!elements.isArray()) {
            throw malformed("set", pointer, "expected [\"set\", [<atom>*]]", json);
        }
        var set = new LinkedHashSet<Atom>(elements.size() * 2);
        for (int i = 0; i < elements.size(); i++) {
            String at = pointer + "/1/" + i;
            if (!set.add(atomFromJson(elements.get(i), at, "a set element (an atom)"))) {
                throw malformed("set", at, "duplicate element", elements.get(i));
            }
        }
        return new OvsdbSet(set);
    }

    private static OvsdbMap mapFromJson(JsonNode json, String pointer) {
        JsonNode pairs = json.get(1);
        if (!pairs.isArray()) {
            throw malformed("map", pointer, "expected [\"map\", [[<key>, <value>]*]]", json);
        }
        var map = new LinkedHashMap<Atom, Atom>(pairs.size() * 2);
        for (int i = 0; i < pairs.size(); i++) {
            JsonNode pair = pairs.get(i);
            String at = pointer + "/1/" + i;
            if (!pair.isArray() || pair.size() != 2) {
                throw malformed("map", at, "a map pair must be a 2-element array [<key>, <value>]", pair);
            }
            Atom key = atomFromJson(pair.get(0), at + "/0", "a map key (an atom)");
            Atom value = atomFromJson(pair.get(1), at + "/1", "a map value (an atom)");
            if (map.putIfAbsent(key, value) != null) {
                throw malformed("map", at + "/0", "duplicate key", pair.get(0));
            }
        }
        return new OvsdbMap(map);
    }

    private static Atom atomFromJson(JsonNode json, String pointer, String expected) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            throw malformed("value", pointer, "expected " + expected, json);
        }
        switch (json.getNodeType()) {
            case BOOLEAN:
                return new BooleanAtom(json.booleanValue());
            case STRING:
                return new StringAtom(json.textValue());
            case NUMBER:
                return numberFromJson(json, pointer);
            case ARRAY:
                return taggedAtomFromJson(json, pointer, expected);
            default:
                throw malformed("value", pointer, "expected " + expected, json);
        }
    }

    private static Atom numberFromJson(JsonNode json, String pointer) {
        if (json.isIntegralNumber()) {
            if (!json.canConvertToLong()) {
                throw malformed("integer", pointer, "out of the 64-bit signed range", json);
            }
            return new IntegerAtom(json.longValue());
        }
        double d = json.doubleValue();
        if (!Double.isFinite(d)) {
            throw malformed("real", pointer, "not a finite double", json);
        }
        return new RealAtom(d);
    }

    private static Atom taggedAtomFromJson(JsonNode json, String pointer, String expected) {
        String tag = json.size() == 2 && json.get(0).isTextual() ? json.get(0).textValue() : null;
        if ("uuid".equals(tag)) {
            JsonNode text = json.get(1);
            if (!text.isTextual() || !UUID_TEXT.matcher(text.textValue()).matches()) {
                throw malformed("uuid", pointer + "/1", "expected a 36-character UUID string", text);
            }
            return new UuidAtom(UUID.fromString(text.textValue()));
        }
        if ("named-uuid".equals(tag)) {
            JsonNode name = json.get(1);
            if (!name.isTextual() || !NamedUuidAtom.isValidName(name.textValue())) {
                throw malformed("named-uuid", pointer + "/1", "expected an <id> ([_a-zA-Z][_a-zA-Z0-9]*)", name);
            }
            return new NamedUuidAtom(name.textValue());
        }
        if ("set".equals(tag) || "map".equals(tag)) {
            throw malformed(tag, pointer, "expected " + expected + ", not a " + tag, json);
        }
        throw malformed("value", pointer,
                "expected " + expected + "; an array must be [\"uuid\"|\"named-uuid\"|\"set\"|\"map\", ...]", json);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static OvsdbProtocolException malformed(String what, String pointer, String problem, JsonNode got) {
        String snippet = got == null || got.isMissingNode() ? "nothing" : got.toString();
        if (snippet.length() > SNIPPET_MAX) {
            snippet = snippet.substring(0, SNIPPET_MAX) + "...";
        }
        return new OvsdbProtocolException("malformed " + what + " at " + (pointer.isEmpty() ? "top level" : pointer)
                + ": " + problem + ", got " + snippet);
    }
}
