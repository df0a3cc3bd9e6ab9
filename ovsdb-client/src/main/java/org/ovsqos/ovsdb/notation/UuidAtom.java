package org.ovsqos.ovsdb.notation;

import java.util.Objects;
import java.util.UUID;

/**
 * An OVSDB {@code uuid} atom, on the wire {@code ["uuid", "<36-character UUID>"]}
 * (RFC 7047 section 5.1).
 */
public record UuidAtom(UUID value) implements Atom {
    public UuidAtom {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Whether {@code text} is a UUID as RFC 7047 writes one: exactly 36 characters, hex digits
     * with hyphens at 8, 13, 18 and 23. {@link UUID#fromString} alone accepts more (shorter
     * groups, signs). Checked by hand: it runs for every row of every update, and a regex costs a
     * matcher each time.
     */
    public static boolean isUuidText(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : c < 128 && Character.digit(c, 16) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
