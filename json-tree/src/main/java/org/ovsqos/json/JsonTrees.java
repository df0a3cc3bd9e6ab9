package org.ovsqos.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a {@link JsonNode} from a {@link JsonParser} and writes one to a {@link JsonGenerator},
 * node for node as a default {@code ObjectMapper}'s {@code readTree} and {@code writeValue} do.
 *
 * <p>Why not the mapper: building one loads about 600 classes (serializer and deserializer
 * factories, type introspection, and through its default date format the JDK's CLDR locale data),
 * none of which a tree needs. In a daemon meant to cost a host nothing worth noticing, and in a
 * command that must answer within a blink, those classes were megabytes of resident memory and
 * tens of milliseconds of start. The parser and the generator come from the caller's
 * {@link JsonFactory}, so its limits ({@code StreamReadConstraints}) and escapes still apply.
 *
 * <p>The reader recurses once per level of nesting; the parser's nesting limit (1000 by default,
 * less where the caller sets it) bounds the depth long before the stack would.
 */
public final class JsonTrees {

    /** What a number with a fraction or an exponent becomes. */
    public enum Floats {
        /** A {@code DoubleNode}, as a default mapper reads it. */
        DOUBLE,
        /**
         * A {@code DecimalNode} of the written digits (trailing zeros dropped, as the mapper's
         * {@code USE_BIG_DECIMAL_FOR_FLOATS} does), so that "0.1" is exactly a tenth.
         */
        BIG_DECIMAL
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonFactory DEFAULT_FACTORY = new JsonFactory();

    private JsonTrees() {
    }

    /**
     * The value at the parser's current token, or at its next one when it has none yet; the
     * parser is left on the value's last token. {@link MissingNode} at the end of the input.
     */
    public static JsonNode read(JsonParser p, Floats floats) throws IOException {
        JsonToken token = p.hasCurrentToken() ? p.currentToken() : p.nextToken();
        if (token == null) {
            return MissingNode.getInstance();
        }
        return switch (token) {
            case START_OBJECT -> readObject(p, floats);
            case START_ARRAY -> readArray(p, floats);
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> integer(p);
            case VALUE_NUMBER_FLOAT -> floats == Floats.BIG_DECIMAL && !p.isNaN()
                    ? NODES.numberNode(withoutTrailingZeros(p.getDecimalValue()))
                    : NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT -> embedded(p.getEmbeddedObject());
            default -> throw new IllegalStateException("a value cannot start with " + token);
        };
    }

    /** {@link #read} with floats as doubles: what {@code new ObjectMapper().readTree(p)} gives. */
    public static JsonNode read(JsonParser p) throws IOException {
        return read(p, Floats.DOUBLE);
    }

    /** The first value of {@code bytes}; what follows it is not read. */
    public static JsonNode parse(JsonFactory factory, byte[] bytes) throws IOException {
        try (JsonParser p = factory.createParser(bytes)) {
            return read(p);
        }
    }

    /** Writes {@code node} and everything in it. */
    public static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = it.next();
                    g.writeFieldName(member.getKey());
                    write(g, member.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : node) {
                    write(g, element);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case NUMBER -> writeNumber(g, node);
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case BINARY -> g.writeBinary(node.binaryValue());
            case NULL, MISSING -> g.writeNull();
            case POJO -> throw new IllegalArgumentException(
                    "a POJONode (" + ((POJONode) node).getPojo().getClass().getName()
                            + ") has no JSON of its own");
        }
    }

    /** {@code node} as compact UTF-8 JSON, as {@code ObjectMapper.writeValueAsBytes} writes it. */
    public static byte[] bytes(JsonFactory factory, JsonNode node) {
        return bytes(factory, node, false);
    }

    /**
     * {@code node} as indented UTF-8 JSON, as a mapper's writer with {@code INDENT_OUTPUT} writes
     * it: a file meant to be read by people as well.
     */
    public static byte[] indentedBytes(JsonFactory factory, JsonNode node) {
        return bytes(factory, node, true);
    }

    /**
     * {@code node} as compact JSON text, as {@code ObjectMapper.writeValueAsString} writes it:
     * characters outside the Basic Multilingual Plane stay as they are, where UTF-8 bytes have
     * them as escaped surrogate pairs.
     */
    public static String text(JsonFactory factory, JsonNode node) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = factory.createGenerator(out)) {
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // as for bytes: no failure a tree of ours can cause
        }
        return out.toString();
    }

    /**
     * What {@code node.toString()} gives, without the {@code ObjectMapper} that it builds on first
     * use: for messages that quote what was received.
     */
    public static String text(JsonNode node) {
        return text(DEFAULT_FACTORY, node);
    }

    private static byte[] bytes(JsonFactory factory, JsonNode node, boolean indented) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = factory.createGenerator(out)) {
            if (indented) {
                g.useDefaultPrettyPrinter();
            }
            write(g, node);
        } catch (IOException e) {
            // Only a generator can fail here, on text no parser or builder of ours produces
            // (a lone UTF-16 surrogate); an in-memory stream never does.
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static ObjectNode readObject(JsonParser p, Floats floats) throws IOException {
        ObjectNode object = NODES.objectNode();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            object.set(name, read(p, floats)); // a repeated name: the last value wins, in the first's place
        }
        return object;
    }

    private static ArrayNode readArray(JsonParser p, Floats floats) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            array.add(read(p, floats));
        }
        return array;
    }

    private static JsonNode integer(JsonParser p) throws IOException {
        return switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            default -> NODES.numberNode(p.getBigIntegerValue());
        };
    }

    private static BigDecimal withoutTrailingZeros(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    private static JsonNode embedded(Object value) {
        return value instanceof byte[] data ? NODES.binaryNode(data) : NODES.pojoNode(value);
    }

    private static void writeNumber(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.numberType()) {
            case INT -> g.writeNumber(node.intValue());
            case LONG -> g.writeNumber(node.longValue());
            case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
            case FLOAT -> g.writeNumber(node.floatValue());
            case DOUBLE -> g.writeNumber(node.doubleValue());
            case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
        }
    }
}
