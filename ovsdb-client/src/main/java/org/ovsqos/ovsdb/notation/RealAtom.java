package org.ovsqos.ovsdb.notation;

/**
 * An OVSDB {@code real} atom: an IEEE 754 double (RFC 7047 section 5.1).
 *
 * <p>NaN and the infinities are rejected: JSON numbers cannot express them (RFC 8259 section 6),
 * so no OVSDB peer can send or accept them, and rejecting them keeps record equality sane.
 */
public record RealAtom(double value) implements Atom {
    public RealAtom {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("OVSDB real must be finite, got " + value);
        }
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
