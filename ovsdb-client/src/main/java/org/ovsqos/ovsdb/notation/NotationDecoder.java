package org.ovsqos.ovsdb.notation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ovsqos.ovsdb.OvsdbProtocolException;

/**
 * The schema-less decoder behind {@link NotationJson}: strict about shape, lenient about what
 * only a schema can decide, and precise about where a problem is (a JSON Pointer).
 */
final class NotationDecoder {
    /** RFC 7047 section 5.1: exactly 36 characters, hyphens at fixed places. */
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int SNIPPET_MAX = 120;

    private NotationDecoder() {
    }

    static Value value(JsonNode json, String pointer) {
        if (json != null && json.isArray() && json.size() == 2 && json.get(0).isTextual()) {
            switch (json.get(0).textValue()) {
                case "set":
                    return set(json, pointer);
                case "map":
                    return map(json, pointer);
                default:
                    break;
            }
        }
        return atom(json, pointer, "an atom, set or map");
    }

    static Row row(JsonNode json, String pointer) {
        if (json == null || !json.isObject()) {
            throw malformed("row", pointer, "expected a JSON object of columns", json);
        }
        var columns = new LinkedHashMap<String, Value>(json.size() * 2);
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            columns.put(e.getKey(), value(e.getValue(), pointer + "/" + escape(e.getKey())));
        }
        return new Row(columns);
    }

    static Condition condition(JsonNode json, String pointer) {
        if (json != null && json.isBoolean()) {
            return Condition.constant(json.booleanValue()); // ovsdb-server(7) section 5.1
        }
        requireTriple(json, pointer, "condition", "[<column>, <function>, <value>] or a boolean");
        String symbol = json.get(1).textValue();
        Condition.Function function = Condition.Function.fromSymbol(symbol)
                .orElseThrow(() -> malformed("condition", pointer + "/1", "unknown function \"" + symbol + '"', json.get(1)));
        return new Condition.Comparison(json.get(0).textValue(), function, value(json.get(2), pointer + "/2"));
    }

    static Mutation mutation(JsonNode json, String pointer) {
        requireTriple(json, pointer, "mutation", "[<column>, <mutator>, <value>]");
        String symbol = json.get(1).textValue();
        Mutation.Mutator mutator = Mutation.Mutator.fromSymbol(symbol)
                .orElseThrow(() -> malformed("mutation", pointer + "/1", "unknown mutator \"" + symbol + '"', json.get(1)));
        return new Mutation(json.get(0).textValue(), mutator, value(json.get(2), pointer + "/2"));
    }

    private static void requireTriple(JsonNode json, String pointer, String what, String shape) {
        if (json == null || !json.isArray() || json.size() != 3
                || !json.get(0).isTextual() || !json.get(1).isTextual()) {
            throw malformed(what, pointer, "expected " + shape, json);
        }
    }

    private static OvsdbSet set(JsonNode json, String pointer) {
        JsonNode elements = json.get(1);
        if (!elements.isArray()) {
            throw malformed("set", pointer, "expected [\"set\", [<atom>*]]", json);
        }
        var set = new LinkedHashSet<Atom>(elements.size() * 2);
        for (int i = 0; i < elements.size(); i++) {
            String at = pointer + "/1/" + i;
            if (!set.add(atom(elements.get(i), at, "a set element (an atom)"))) {
                throw malformed("set", at, "duplicate element", elements.get(i));
            }
        }
        return new OvsdbSet(set);
    }

    private static OvsdbMap map(JsonNode json, String pointer) {
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
            Atom key = atom(pair.get(0), at + "/0", "a map key (an atom)");
            Atom value = atom(pair.get(1), at + "/1", "a map value (an atom)");
            if (map.putIfAbsent(key, value) != null) {
                throw malformed("map", at + "/0", "duplicate key", pair.get(0));
            }
        }
        return new OvsdbMap(map);
    }

    private static Atom atom(JsonNode json, String pointer, String expected) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            throw malformed("value", pointer, "expected " + expected, json);
        }
        switch (json.getNodeType()) {
            case BOOLEAN:
                return new BooleanAtom(json.booleanValue());
            case STRING:
                return new StringAtom(json.textValue());
            case NUMBER:
                return number(json, pointer);
            case ARRAY:
                return taggedAtom(json, pointer, expected);
            default:
                throw malformed("value", pointer, "expected " + expected, json);
        }
    }

    private static Atom number(JsonNode json, String pointer) {
        if (json.isIntegralNumber()) {
            if (!json.canConvertToLong()) {
                throw malformed("integer", pointer, "out of the 64-bit signed range", json);
            }
            return new IntegerAtom(json.longValue());
        }
        double d = json.doubleValue();
        if (Double.isNaN(d)) {
            throw malformed("real", pointer, "not a number", json);
        }
        if (Double.isInfinite(d)) {
            // Past the range by rounding: see NotationJson on how Open vSwitch writes reals.
            d = Math.copySign(Double.MAX_VALUE, d);
        }
        return new RealAtom(d);
    }

    private static Atom taggedAtom(JsonNode json, String pointer, String expected) {
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
