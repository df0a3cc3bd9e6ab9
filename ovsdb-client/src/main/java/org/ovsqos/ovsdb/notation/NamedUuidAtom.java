package org.ovsqos.ovsdb.notation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reference to the row inserted earlier in the same transaction under {@code uuid-name}, on the
 * wire {@code ["named-uuid", "<id>"]} (RFC 7047 section 5.1). Only meaningful inside a
 * {@code transact} request; servers never send it.
 */
public record NamedUuidAtom(String name) implements Atom {
    /** RFC 7047 section 3.1 {@code <id>}: the syntax both uuid-name and named-uuid require. */
    static final Pattern ID = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]*");

    public NamedUuidAtom {
        Objects.requireNonNull(name, "name");
        if (!ID.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "named-uuid must match [_a-zA-Z][_a-zA-Z0-9]* (RFC 7047 section 3.1), got \"" + name + '"');
        }
    }

    /** Whether {@code name} is a valid RFC 7047 {@code <id>}, as a uuid-name must be. */
    public static boolean isValidName(String name) {
        return name != null && ID.matcher(name).matches();
    }

    @Override
    public String toString() {
        return "named-uuid:" + name;
    }
}
