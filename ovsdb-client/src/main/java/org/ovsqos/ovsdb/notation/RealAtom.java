package org.ovsqos.ovsdb.notation;

/**
 * An OVSDB {@code real} atom: an IEEE 754 double (RFC 7047 section 5.1).
 *
 * <p>NaN and the infinities are rejected: JSON numbers cannot express them (RFC 8259 section 6),
 * so no OVSDB peer can send or accept them, and rejecting them keeps record equality sane.
 *
 * <p>{@code -0.0} is stored as {@code 0.0}: ovsdb-server compares reals with {@code ==}, for
 * which they are one value (a set holding both is refused as a duplicate), and its parser drops
 * the sign of a negative zero. Keeping one of them here makes {@code equals}, sets and map keys
 * agree with the server.
 */
public record RealAtom(double value) implements Atom {
    public RealAtom {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("OVSDB real must be finite, got " + value);
        }
        if (value == 0.0) {
            value = 0.0; // -0.0 == 0.0
        }
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
