package org.ovsqos.ovsdb.notation;

/** An OVSDB {@code boolean} atom (RFC 7047 section 5.1). */
public record BooleanAtom(boolean value) implements Atom {
    @Override
    public String toString() {
        return Boolean.toString(value);
    }
}
