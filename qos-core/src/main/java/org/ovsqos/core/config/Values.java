package org.ovsqos.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Duration;
import org.ovsqos.json.JsonTrees;

/** How values are written in problem messages and in the canonical config: short and exact. */
final class Values {
    private static final int MAX_SHOWN = 80;

    private Values() {}

    /** A value as it appeared in the file (JSON text), cut short when long. */
    static String render(JsonNode node) {
        return shorten(JsonTrees.text(node)); // not toString(): it builds an ObjectMapper
    }

    /** A string as a JSON string literal, cut short when long. */
    static String quote(String raw) {
        return shorten(JsonTrees.text(new TextNode(raw)));
    }

    /**
     * A key from the file as it appears in a problem's key: plain when it is a plain word, else
     * as a JSON string, so that an empty or odd key never reads as "the file as a whole".
     */
    static String keyName(String name) {
        boolean plain = !name.isEmpty() && name.codePoints()
                .noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c == '"');
        return plain ? name : quote(name);
    }

    static String seconds(Duration d) {
        return plain(BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)));
    }

    static BigDecimal secondsDecimal(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9))
                .stripTrailingZeros();
    }

    static String mbit(long kbps) {
        return plain(BigDecimal.valueOf(kbps, 3));
    }

    static BigDecimal mbitDecimal(long kbps) {
        return BigDecimal.valueOf(kbps, 3).stripTrailingZeros();
    }

    static String fraction(double value) {
        return plain(BigDecimal.valueOf(value));
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String shorten(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 1) + "…";
    }
}
