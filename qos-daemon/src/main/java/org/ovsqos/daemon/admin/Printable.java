package org.ovsqos.daemon.admin;

/**
 * Text that comes from outside the daemon (interface names from OVSDB, user names from NSS) made
 * safe to print: on a terminal, in a whitespace-separated table, or inside a quoted log field.
 *
 * <p>OVSDB takes any UTF-8 string as an interface name, so a name can carry ESC sequences that
 * would drive the operator's terminal, a BEL, a newline that forges a table row, or a
 * right-to-left override that makes it read as another name. Each such character is written as
 * an escape instead: {@code \x1b}, <code>&#92;u202e</code>, {@code \U0001d173}. Backslash and the
 * double quote are escaped too, so the result is unambiguous and never ends a quoted field early;
 * every other character, the plain space and non-ASCII letters included, is kept as it is.
 */
public final class Printable {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Printable() {}

    public static String escape(String text) {
        if (text.codePoints().noneMatch(Printable::needsEscape)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (cp == '\\' || cp == '"') {
                out.append('\\').append((char) cp);
            } else if (!needsEscape(cp)) {
                out.appendCodePoint(cp);
            } else if (cp < 0x100) {
                out.append("\\x");
                hex(out, cp, 2);
            } else if (cp < 0x10000) {
                out.append("\\u");
                hex(out, cp, 4);
            } else {
                out.append("\\U");
                hex(out, cp, 8);
            }
        });
        return out.toString();
    }

    private static boolean needsEscape(int cp) {
        if (cp == '\\' || cp == '"') {
            return true;
        }
        if (cp == ' ') {
            return false; // the table's own cells (a local time) have them, and they cannot hide
        }
        return switch (Character.getType(cp)) {
            // C0, DEL and C1; bidi overrides and zero-width characters; spaces that look like a
            // plain one, and line breaks; an unpaired surrogate (OVSDB's UTF-8 cannot carry one,
            // an escaped one in JSON can).
            case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR, Character.SURROGATE -> true;
            default -> false;
        };
    }

    private static void hex(StringBuilder out, int value, int digits) {
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            out.append(HEX[(value >> shift) & 0xf]);
        }
    }
}
