package org.ovsqos.daemon.logging;

import java.util.Arrays;

/**
 * Fills a log message's {@code {}} placeholders the way slf4j does, except that every argument is
 * a value: escaped so that it stays inside its {@code key=value} field and on its line, and cut
 * to {@value #MAX_VALUE_CHARS} characters. Interface names come from OVSDB, config values and
 * error texts from files and peers; a name holding a newline or {@code " x=y"} must not forge a
 * line or a field.
 *
 * <p>A value the pattern already puts in quotes ({@code error="{}"}) is escaped ({@code \\},
 * {@code \"}, {@code \n}, {@code \r}, {@code \t}, other control characters as {@code \}{@code uXXXX});
 * a bare one ({@code iface={}}) is written as it is when it is a plain word, else quoted and
 * escaped the same way. The pattern itself is the program's own text and is written unchanged.
 */
final class LogValues {
    /**
     * The longest value written, in characters before escaping. Long enough for any path, error
     * text or config problem; short enough that a 2-million-key config or a peer's megabyte of
     * text cannot turn one line into megabytes (a line is the unit logrotate-by-size cannot split).
     */
    static final int MAX_VALUE_CHARS = 512;

    private LogValues() {}

    /** The message with each placeholder replaced by its argument; extra arguments are ignored. */
    static String format(String pattern, Object[] args) {
        if (pattern == null || args == null || args.length == 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 16 * args.length);
        boolean inQuotes = false;
        int next = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            boolean placeholder = c == '{' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '}';
            if (placeholder && next < args.length) {
                appendValue(out, args[next++], inQuotes);
                i++;
            } else {
                inQuotes ^= c == '"';
                out.append(c);
            }
        }
        return out.toString();
    }

    static void appendValue(StringBuilder out, Object arg, boolean inQuotes) {
        String text = truncate(text(arg));
        if (inQuotes) {
            escape(out, text);
        } else if (isPlain(text)) {
            out.append(text);
        } else {
            out.append('"');
            escape(out, text);
            out.append('"');
        }
    }

    private static String text(Object arg) {
        if (arg instanceof Object[] array) {
            return Arrays.deepToString(array);
        }
        return String.valueOf(arg);
    }

    private static String truncate(String text) {
        if (text.length() <= MAX_VALUE_CHARS) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(MAX_VALUE_CHARS - 1)) ? MAX_VALUE_CHARS - 1 : MAX_VALUE_CHARS;
        return text.substring(0, cut) + "…(" + (text.length() - cut) + " more chars)";
    }

    /** A word that needs no quotes: nothing that ends a field, starts one or ends the line. */
    private static boolean isPlain(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '=' || c == '\\' || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || mustEscape(c)) {
                return false;
            }
        }
        return true;
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (mustEscape(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** Control characters, and the Unicode line and paragraph separators some viewers break on. */
    private static boolean mustEscape(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
