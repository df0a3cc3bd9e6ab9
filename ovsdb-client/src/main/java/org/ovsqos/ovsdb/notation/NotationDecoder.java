package org.ovsqos.ovsdb.notation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.ovsqos.json.JsonTrees;
import org.ovsqos.ovsdb.OvsdbProtocolException;

/**
 * The schema-less decoder behind {@link NotationJson}: strict about shape, lenient about what
 * only a schema can decide, and precise about where a problem is (a JSON Pointer).
 *
 * <p>The pointer is built only for a problem: a {@link Malformed} carries the path below the
 * value that failed and each level prefixes its own step as it propagates, and the entry points
 * put the caller's pointer in front. Decoding a monitor update of thousands of rows (every few
 * seconds, for statistics) thus builds no pointer strings at all.
 */
final class NotationDecoder {
    private static final int SNIPPET_MAX = 120;

    private NotationDecoder() {
    }

    static Value value(JsonNode json, String pointer) {
        try {
            return value(json);
        } catch (Malformed m) {
            throw m.at(pointer);
        }
    }

    /** {@code pointer} is asked for only when the row is malformed. */
    static Row row(JsonNode json, Supplier<String> pointer) {
        try {
            return row(json);
        } catch (Malformed m) {
            throw m.at(pointer.get());
        }
    }

    static Condition condition(JsonNode json, String pointer) {
        try {
            return condition(json);
        } catch (Malformed m) {
            throw m.at(pointer);
        }
    }

    static Mutation mutation(JsonNode json, String pointer) {
        try {
            return mutation(json);
        } catch (Malformed m) {
            throw m.at(pointer);
        }
    }

    private static Value value(JsonNode json) {
        if (json != null && json.isArray() && json.size() == 2 && json.get(0).isTextual()) {
            switch (json.get(0).textValue()) {
                case "set":
                    return set(json);
                case "map":
                    return map(json);
                default:
                    break;
            }
        }
        return atom(json, "an atom, set or map");
    }

    private static Row row(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new Malformed("row", "expected a JSON object of columns", json);
        }
        Row.Builder columns = Row.builder(json.size());
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            try {
                columns.put(e.getKey(), value(e.getValue()));
            } catch (Malformed m) {
                throw m.under(escape(e.getKey()));
            }
        }
        return columns.build();
    }

    private static Condition condition(JsonNode json) {
        if (json != null && json.isBoolean()) {
            return Condition.constant(json.booleanValue()); // ovsdb-server(7) section 5.1
        }
        requireTriple(json, "condition", "[<column>, <function>, <value>] or a boolean");
        String symbol = json.get(1).textValue();
        Condition.Function function = Condition.Function.fromSymbol(symbol).orElseThrow(
                () -> new Malformed("condition", "unknown function \"" + symbol + '"', json.get(1)).under("1"));
        return new Condition.Comparison(json.get(0).textValue(), function, third(json));
    }

    private static Mutation mutation(JsonNode json) {
        requireTriple(json, "mutation", "[<column>, <mutator>, <value>]");
        String symbol = json.get(1).textValue();
        Mutation.Mutator mutator = Mutation.Mutator.fromSymbol(symbol).orElseThrow(
                () -> new Malformed("mutation", "unknown mutator \"" + symbol + '"', json.get(1)).under("1"));
        return new Mutation(json.get(0).textValue(), mutator, third(json));
    }

    private static Value third(JsonNode triple) {
        try {
            return value(triple.get(2));
        } catch (Malformed m) {
            throw m.under("2");
        }
    }

    private static void requireTriple(JsonNode json, String what, String shape) {
        if (json == null || !json.isArray() || json.size() != 3
                || !json.get(0).isTextual() || !json.get(1).isTextual()) {
            throw new Malformed(what, "expected " + shape, json);
        }
    }

    private static OvsdbSet set(JsonNode json) {
        JsonNode elements = json.get(1);
        if (!elements.isArray()) {
            throw new Malformed("set", "expected [\"set\", [<atom>*]]", json);
        }
        OvsdbSet.Builder set = OvsdbSet.builder(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Atom element;
            try {
                element = atom(elements.get(i), "a set element (an atom)");
            } catch (Malformed m) {
                throw m.under(i).under("1");
            }
            if (set.contains(element)) {
                throw new Malformed("set", "duplicate element", elements.get(i)).under(i).under("1");
            }
            set.add(element);
        }
        return set.build();
    }

    private static OvsdbMap map(JsonNode json) {
        JsonNode pairs = json.get(1);
        if (!pairs.isArray()) {
            throw new Malformed("map", "expected [\"map\", [[<key>, <value>]*]]", json);
        }
        OvsdbMap.Builder map = OvsdbMap.builder(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            try {
                JsonNode pair = pairs.get(i);
                if (!pair.isArray() || pair.size() != 2) {
                    throw new Malformed("map", "a map pair must be a 2-element array [<key>, <value>]", pair);
                }
                Atom key = MapKeys.canonical(member(pair, 0, "a map key (an atom)"));
                Atom value = member(pair, 1, "a map value (an atom)");
                if (map.get(key) != null) {
                    throw new Malformed("map", "duplicate key", pair.get(0)).under("0");
                }
                map.put(key, value);
            } catch (Malformed m) {
                throw m.under(i).under("1");
            }
        }
        return map.build();
    }

    private static Atom member(JsonNode pair, int index, String expected) {
        try {
            return atom(pair.get(index), expected);
        } catch (Malformed m) {
            throw m.under(index);
        }
    }

    private static Atom atom(JsonNode json, String expected) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            throw new Malformed("value", "expected " + expected, json);
        }
        switch (json.getNodeType()) {
            case BOOLEAN:
                return new BooleanAtom(json.booleanValue());
            case STRING:
                return new StringAtom(json.textValue());
            case NUMBER:
                return number(json);
            case ARRAY:
                return taggedAtom(json, expected);
            default:
                throw new Malformed("value", "expected " + expected, json);
        }
    }

    private static Atom number(JsonNode json) {
        if (json.isIntegralNumber()) {
            if (!json.canConvertToLong()) {
                throw new Malformed("integer", "out of the 64-bit signed range", json);
            }
            return new IntegerAtom(json.longValue());
        }
        double d = json.doubleValue();
        if (Double.isNaN(d)) {
            throw new Malformed("real", "not a number", json);
        }
        if (Double.isInfinite(d)) {
            // Past the range by rounding: see NotationJson on how Open vSwitch writes reals.
            d = Math.copySign(Double.MAX_VALUE, d);
        }
        return new RealAtom(d);
    }

    private static Atom taggedAtom(JsonNode json, String expected) {
        String tag = json.size() == 2 && json.get(0).isTextual() ? json.get(0).textValue() : null;
        if ("uuid".equals(tag)) {
            JsonNode text = json.get(1);
            if (!text.isTextual() || !UuidAtom.isUuidText(text.textValue())) {
                throw new Malformed("uuid", "expected a 36-character UUID string", text).under("1");
            }
            return new UuidAtom(UUID.fromString(text.textValue()));
        }
        if ("named-uuid".equals(tag)) {
            JsonNode name = json.get(1);
            if (!name.isTextual() || !NamedUuidAtom.isValidName(name.textValue())) {
                throw new Malformed("named-uuid", "expected an <id> ([_a-zA-Z][_a-zA-Z0-9]*)", name).under("1");
            }
            return new NamedUuidAtom(name.textValue());
        }
        if ("set".equals(tag) || "map".equals(tag)) {
            throw new Malformed(tag, "expected " + expected + ", not a " + tag, json);
        }
        throw new Malformed("value",
                "expected " + expected + "; an array must be [\"uuid\"|\"named-uuid\"|\"set\"|\"map\", ...]", json);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /**
     * A problem found while decoding, with the path from the value being decoded down to it;
     * {@link #at} makes it the {@link OvsdbProtocolException} the caller sees. No stack trace: it
     * never leaves this class.
     */
    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String what;
        private final String problem;
        private final transient JsonNode got;
        private String below = "";

        Malformed(String what, String problem, JsonNode got) {
            super(null, null, false, false);
            this.what = what;
            this.problem = problem;
            this.got = got;
        }

        /** Puts the step {@code token} (already escaped) in front of the path. */
        Malformed under(String token) {
            below = "/" + token + below;
            return this;
        }

        Malformed under(int index) {
            return under(Integer.toString(index));
        }

        OvsdbProtocolException at(String pointer) {
            String where = pointer + below;
            String snippet = got == null || got.isMissingNode() ? "nothing" : JsonTrees.text(got);
            if (snippet.length() > SNIPPET_MAX) {
                snippet = snippet.substring(0, SNIPPET_MAX) + "...";
            }
            return new OvsdbProtocolException("malformed " + what + " at " + (where.isEmpty() ? "top level" : where)
                    + ": " + problem + ", got " + snippet);
        }
    }
}
