package org.ovsqos.ovsdb.notation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.UUID;
import org.ovsqos.ovsdb.OvsdbProtocolException;

/**
 * Reads rows straight from a Jackson {@link JsonParser}, for messages too large to be worth a
 * tree first: the {@code update2} that carries every interface's statistics is about 250 KB of
 * JSON every 5 seconds, and its tree weighs twice the rows decoded from it, all garbage a moment
 * later.
 *
 * <p>Its business is well-formed input. What it accepts it decodes exactly as
 * {@link NotationJson} decodes the same JSON as a tree; whatever {@code NotationJson} would
 * refuse it refuses too, but with an {@link OvsdbProtocolException} that says less (no JSON
 * Pointer, no snippet). A caller that must say precisely what was wrong decodes the same bytes as
 * a tree: malformed input is rare, and worth the second parse.
 *
 * <p>One reader per message, used on one thread: it remembers how large the last map was, so that
 * the next one (the same column of the next row, usually) is built at the right size.
 */
public final class NotationStreamReader {
    /** The size of the last map read: the {@code statistics} of one row predict the next row's. */
    private int lastMapSize = 4;

    /**
     * Reads a row object from {@code parser}, whose current token is the row's
     * {@link JsonToken#START_OBJECT}; returns with the row's {@link JsonToken#END_OBJECT} current.
     *
     * @throws OvsdbProtocolException if the row is malformed (a column twice included)
     * @throws IOException if the JSON is, or cannot be read
     */
    public Row readRow(JsonParser parser) throws IOException {
        require(parser.currentToken() == JsonToken.START_OBJECT, "a row must be a JSON object");
        Row.Builder columns = Row.builder();
        for (String column = parser.nextFieldName(); column != null; column = parser.nextFieldName()) {
            parser.nextToken();
            int before = columns.size();
            columns.put(column, value(parser));
            require(columns.size() > before, "column twice in one row"); // a put of a present column replaces it
        }
        return columns.build();
    }

    private Value value(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.START_ARRAY ? tagged(p, true) : scalar(p);
    }

    /** An atom where only an atom may be: a scalar, or a uuid or named-uuid. */
    private Atom atom(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.START_ARRAY ? (Atom) tagged(p, false) : scalar(p);
    }

    /** {@code [<tag>, ...]}, the parser on its {@code [}; a set or map only where {@code setOrMap}. */
    private Value tagged(JsonParser p, boolean setOrMap) throws IOException {
        require(p.nextToken() == JsonToken.VALUE_STRING, "an array value must start with its tag");
        String tag = p.getText();
        require(setOrMap || !(tag.equals("set") || tag.equals("map")), "a set or map where an atom must be");
        Value value = switch (tag) {
            case "set" -> set(p);
            case "map" -> map(p);
            case "uuid" -> uuid(p);
            case "named-uuid" -> namedUuid(p);
            default -> throw refused("unknown tag of an array value");
        };
        require(p.nextToken() == JsonToken.END_ARRAY, "a tagged value has two elements");
        return value;
    }

    private OvsdbSet set(JsonParser p) throws IOException {
        require(p.nextToken() == JsonToken.START_ARRAY, "a set holds an array of atoms");
        OvsdbSet.Builder set = OvsdbSet.builder();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int before = set.size();
            set.add(atom(p));
            require(set.size() > before, "duplicate set element");
        }
        return set.build();
    }

    private OvsdbMap map(JsonParser p) throws IOException {
        require(p.nextToken() == JsonToken.START_ARRAY, "a map holds an array of pairs");
        OvsdbMap.Builder map = OvsdbMap.builder(lastMapSize);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            require(p.currentToken() == JsonToken.START_ARRAY, "a map pair must be an array");
            p.nextToken();
            Atom key = MapKeys.canonical(atom(p));
            p.nextToken();
            Atom value = atom(p);
            require(p.nextToken() == JsonToken.END_ARRAY, "a map pair has two elements");
            int before = map.size();
            map.put(key, value); // one scan of the pairs so far, not a lookup and then a put
            require(map.size() > before, "duplicate map key");
        }
        lastMapSize = map.size();
        return map.build();
    }

    private static UuidAtom uuid(JsonParser p) throws IOException {
        require(p.nextToken() == JsonToken.VALUE_STRING && UuidAtom.isUuidText(p.getText()),
                "a uuid must be a 36-character UUID string");
        return new UuidAtom(UUID.fromString(p.getText()));
    }

    private static NamedUuidAtom namedUuid(JsonParser p) throws IOException {
        require(p.nextToken() == JsonToken.VALUE_STRING && NamedUuidAtom.isValidName(p.getText()),
                "a named-uuid must be an <id>");
        return new NamedUuidAtom(p.getText());
    }

    private static Atom scalar(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case VALUE_STRING:
                return new StringAtom(p.getText());
            case VALUE_NUMBER_INT:
                require(p.getNumberType() != JsonParser.NumberType.BIG_INTEGER, "an integer out of the 64-bit range");
                return new IntegerAtom(p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                double d = p.getDoubleValue();
                require(!Double.isNaN(d), "a real that is not a number");
                // As NotationJson: past the range by rounding, Open vSwitch's %.15g of the largest doubles.
                return new RealAtom(Double.isInfinite(d) ? Math.copySign(Double.MAX_VALUE, d) : d);
            case VALUE_TRUE:
                return new BooleanAtom(true);
            case VALUE_FALSE:
                return new BooleanAtom(false);
            default:
                throw refused("expected an atom, got " + p.currentToken());
        }
    }

    private static void require(boolean wellFormed, String rule) {
        if (!wellFormed) {
            throw refused(rule);
        }
    }

    private static OvsdbProtocolException refused(String rule) {
        return new OvsdbProtocolException("malformed notation: " + rule);
    }
}
