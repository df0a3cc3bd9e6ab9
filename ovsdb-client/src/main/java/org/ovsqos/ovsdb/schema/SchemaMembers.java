package org.ovsqos.ovsdb.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.ovsqos.ovsdb.OvsdbProtocolException;

/**
 * Reads the members of one JSON object of a schema, as ovsdb-server's parser does: it remembers
 * which members were asked for, and {@link #rejectOthers()} refuses the rest, so that nothing the
 * library does not understand is silently dropped. Errors start with where the object is.
 */
final class SchemaMembers {
    static final Pattern ID = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]*");

    private final JsonNode json;
    private final String where;
    private final Set<String> asked = new HashSet<>();

    SchemaMembers(JsonNode json, String where) {
        requireObject(json, where);
        this.json = json;
        this.where = where;
    }

    static void requireObject(JsonNode json, String where) {
        if (json == null || !json.isObject()) {
            throw error(where + ": expected a JSON object, got " + (json == null ? "nothing" : json.getNodeType()));
        }
    }

    String where() {
        return where;
    }

    boolean has(String member) {
        asked.add(member);
        return json.has(member);
    }

    /** The member, or null when absent. */
    JsonNode get(String member) {
        asked.add(member);
        return json.get(member);
    }

    JsonNode object(String member) {
        JsonNode n = get(member);
        requireObject(n, where + ": " + member);
        return n;
    }

    String id(String member) {
        JsonNode n = get(member);
        if (n == null || !n.isTextual() || !ID.matcher(n.asText()).matches()) {
            throw error(where + ": " + member + " is missing or not an identifier: " + n);
        }
        return n.asText();
    }

    Optional<String> optionalString(String member) {
        JsonNode n = get(member);
        if (n == null) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            throw error(where + ": " + member + " is not a string: " + n);
        }
        return Optional.of(n.asText());
    }

    Optional<Boolean> optionalBoolean(String member) {
        JsonNode n = get(member);
        if (n == null) {
            return Optional.empty();
        }
        if (!n.isBoolean()) {
            throw error(where + ": " + member + " is not a boolean: " + n);
        }
        return Optional.of(n.asBoolean());
    }

    OptionalLong optionalLong(String member) {
        JsonNode n = get(member);
        return n == null ? OptionalLong.empty() : OptionalLong.of(requireLong(n, where + ": " + member));
    }

    static long requireLong(JsonNode n, String where) {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw error(where + " is not a 64-bit integer: " + n);
        }
        return n.asLong();
    }

    /** @throws OvsdbProtocolException naming the first member no one asked for */
    void rejectOthers() {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!asked.contains(name)) {
                throw error(where + ": member \"" + name + "\" is not allowed here");
            }
        }
    }

    static OvsdbProtocolException error(String message) {
        return new OvsdbProtocolException(message);
    }

    static OvsdbProtocolException error(String message, Throwable cause) {
        return new OvsdbProtocolException(message, cause);
    }
}
