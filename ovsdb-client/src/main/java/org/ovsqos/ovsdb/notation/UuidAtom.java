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

    @Override
    public String toString() {
        return value.toString();
    }
}
