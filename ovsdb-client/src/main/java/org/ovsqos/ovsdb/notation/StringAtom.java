package org.ovsqos.ovsdb.notation;

import java.util.Objects;

/** An OVSDB {@code string} atom (RFC 7047 section 5.1). */
public record StringAtom(String value) implements Atom {
    public StringAtom {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return '"' + value + '"';
    }
}
