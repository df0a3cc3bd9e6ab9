package org.ovsqos.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * Random JSON trees with every kind of node a mapper reads or writes, numbers at the edges of
 * their types, and strings with what must be escaped (quotes, controls, non-ASCII, surrogate
 * pairs).
 */
final class RandomTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> NAMES = List.of("id", "method", "params", "rows", "", "é", "a\"b", "\u0001");
    private static final List<String> NUMBERS = List.of(
            "0", "-0", "1", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890",
            "0.0", "-0.0", "1.5", "1.50", "100.0", "0.1", "1e3", "1E+3", "1.0e-7", "2.5E-3", "1e400", "-1e400",
            "123456789012345678901234567890.1", "3.141592653589793238462643383279");

    private final Random random;

    RandomTrees(long seed) {
        this.random = new Random(seed);
    }

    JsonNode tree() {
        return node(4);
    }

    /** A number as it may be written in JSON, including forms no generator writes. */
    String numberText() {
        return NUMBERS.get(random.nextInt(NUMBERS.size()));
    }

    private JsonNode node(int depth) {
        int kind = random.nextInt(depth > 0 ? 12 : 10);
        return switch (kind) {
            case 0 -> NODES.textNode(string());
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.numberNode(edgeLong());
            case 3 -> NODES.numberNode(new BigInteger(100, random).subtract(BigInteger.ONE.shiftLeft(99)));
            case 4 -> NODES.numberNode(random.nextBoolean() ? random.nextDouble() * 1e6 : edgeDouble());
            case 5 -> NODES.numberNode(BigDecimal.valueOf(random.nextLong(), random.nextInt(40) - 20));
            case 6 -> NODES.numberNode(random.nextFloat());
            case 7 -> NODES.booleanNode(random.nextBoolean());
            case 8 -> random.nextBoolean() ? NODES.nullNode() : NODES.binaryNode(bytes());
            case 9 -> NODES.numberNode((short) random.nextInt());
            case 10 -> object(depth - 1);
            default -> array(depth - 1);
        };
    }

    private ObjectNode object(int depth) {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(5); i > 0; i--) {
            object.set(random.nextBoolean() ? NAMES.get(random.nextInt(NAMES.size())) : string(), node(depth));
        }
        return object;
    }

    private ArrayNode array(int depth) {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(5); i > 0; i--) {
            array.add(node(depth));
        }
        return array;
    }

    private String string() {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            switch (random.nextInt(6)) {
                case 0 -> s.append((char) random.nextInt(0x20)); // a control character
                case 1 -> s.append("\"\\/".charAt(random.nextInt(3)));
                case 2 -> s.append((char) (0xA0 + random.nextInt(0x2000))); // Latin to CJK punctuation
                case 3 -> s.appendCodePoint(0x1F600 + random.nextInt(64)); // a surrogate pair
                case 4 -> s.append("限速");
                default -> s.append((char) ('a' + random.nextInt(26)));
            }
        }
        return s.toString();
    }

    private long edgeLong() {
        long[] edges = {Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, 0};
        return random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextLong();
    }

    private double edgeDouble() {
        double[] edges = {0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-7, 1e21};
        return edges[random.nextInt(edges.length)];
    }

    private byte[] bytes() {
        byte[] data = new byte[random.nextInt(20)];
        random.nextBytes(data);
        return data;
    }
}
