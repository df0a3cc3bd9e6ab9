package org.ovsqos.ovsdb.notation;

/** An OVSDB {@code integer} atom: a signed 64-bit integer (RFC 7047 section 5.1). */
public record IntegerAtom(long value) implements Atom {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
