package org.ovsqos.ovsdb.notation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;
import org.ovsqos.ovsdb.OvsdbProtocolException;

/**
 * The JSON form of the OVSDB notation (RFC 7047 section 5.1), both ways, without a schema.
 *
 * <p><b>Encoding</b> is canonical: sets are always {@code ["set", [...]]} and maps always
 * {@code ["map", [...]]}, even when the RFC would allow a one-element set to be the bare atom.
 * Every server accepts the long form for every column type, and it keeps the encoding a pure
 * function of the {@link Value}: a caller who wants the bare atom passes an {@link Atom}. Reals are
 * written so that they read back as reals ({@code 1.0}, not {@code 1}). A subnormal real (nonzero,
 * smaller in magnitude than {@link Double#MIN_NORMAL}) is refused with an
 * {@link IllegalArgumentException}: ovsdb-server reads numbers with {@code strtod}, takes its
 * underflow report for "number outside valid range", and drops the whole connection.
 *
 * <p><b>Decoding</b> keeps what is on the wire. A JSON integer that fits a {@code long} becomes an
 * {@link IntegerAtom}, a number with a fraction or exponent a {@link RealAtom}. Without a schema
 * two things cannot be told apart, and the schema layer normalises both: an integral value of a
 * {@code real} column (Open vSwitch prints {@code 1.0} as {@code 1}) decodes as an integer, and a
 * one-element set sent as its bare atom decodes as that atom. A number beyond the range of a
 * double decodes as the largest double of its sign: Open vSwitch writes reals with 15 significant
 * digits ({@code %.15g}), so the doubles nearest {@link Double#MAX_VALUE}, which it stores, come
 * back as {@code 1.79769313486232e+308}, just past the range; the double nearest that text is
 * {@code MAX_VALUE}. (No OVSDB server holds a larger real: ovsdb-server's parser refuses such
 * numbers and its arithmetic refuses to overflow, with {@code "range error"}. The JSON layer keeps
 * no digits of a number it cannot hold, so {@code 1e400} reads the same.) Input that is malformed under any
 * schema is rejected with an {@link OvsdbProtocolException} that names what was wrong and where,
 * as a JSON Pointer (RFC 6901) into the document passed in, or into the enclosing message when the
 * caller gives the pointer of the node it passes.
 */
public final class NotationJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

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
            return JSON.numberNode(sendable(r.value()));
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

    private static double sendable(double real) {
        if (real != 0.0 && Math.abs(real) < Double.MIN_NORMAL) {
            throw new IllegalArgumentException("real " + real + " is subnormal: ovsdb-server cannot read reals"
                    + " smaller in magnitude than " + Double.MIN_NORMAL + " (other than 0) and drops the connection");
        }
        return real;
    }

    public static ObjectNode toJson(Row row) {
        ObjectNode json = JSON.objectNode();
        row.columns().forEach((column, value) -> json.set(column, toJson(value)));
        return json;
    }

    /** {@code [column, function, value]}, or the JSON boolean of a {@link Condition.Constant}. */
    public static JsonNode toJson(Condition condition) {
        if (condition instanceof Condition.Constant c) {
            return JSON.booleanNode(c.value());
        }
        Condition.Comparison c = (Condition.Comparison) condition;
        return JSON.arrayNode(3)
                .add(c.column())
                .add(c.function().symbol())
                .add(toJson(c.value()));
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
        return NotationDecoder.value(json, "");
    }

    /**
     * Decodes a value found at JSON Pointer {@code pointer} of an enclosing message; the pointer
     * only serves error messages. @throws OvsdbProtocolException if it is malformed
     */
    public static Value valueFromJson(JsonNode json, String pointer) {
        return NotationDecoder.value(json, pointer);
    }

    /** Decodes a row object. @throws OvsdbProtocolException if it is malformed */
    public static Row rowFromJson(JsonNode json) {
        return NotationDecoder.row(json, () -> "");
    }

    /** Decodes a row object found at {@code pointer} of an enclosing message. */
    public static Row rowFromJson(JsonNode json, String pointer) {
        return NotationDecoder.row(json, () -> pointer);
    }

    /**
     * Decodes a row object found at the pointer {@code pointer} gives, which is asked for only if
     * the row is malformed: for decoders of many rows, which then build no pointer per row.
     */
    public static Row decodeRow(JsonNode json, Supplier<String> pointer) {
        return NotationDecoder.row(json, pointer);
    }

    /**
     * Decodes {@code [column, function, value]}, or {@code true}/{@code false}.
     * @throws OvsdbProtocolException if malformed
     */
    public static Condition conditionFromJson(JsonNode json) {
        return NotationDecoder.condition(json, "");
    }

    /** Decodes a condition found at {@code pointer} of an enclosing message. */
    public static Condition conditionFromJson(JsonNode json, String pointer) {
        return NotationDecoder.condition(json, pointer);
    }

    /** Decodes {@code [column, mutator, value]}. @throws OvsdbProtocolException if malformed */
    public static Mutation mutationFromJson(JsonNode json) {
        return NotationDecoder.mutation(json, "");
    }

    /** Decodes a mutation found at {@code pointer} of an enclosing message. */
    public static Mutation mutationFromJson(JsonNode json, String pointer) {
        return NotationDecoder.mutation(json, pointer);
    }
}
