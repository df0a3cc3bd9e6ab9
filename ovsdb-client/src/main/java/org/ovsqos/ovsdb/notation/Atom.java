package org.ovsqos.ovsdb.notation;

import java.util.UUID;

/**
 * A scalar OVSDB value (RFC 7047 section 5.1, {@code <atom>}): an integer, real, boolean, string,
 * UUID, or named UUID. Atoms are immutable values with structural equality, so they serve as set
 * elements and map keys.
 */
public sealed interface Atom extends Value
        permits IntegerAtom, RealAtom, BooleanAtom, StringAtom, UuidAtom, NamedUuidAtom {

    static IntegerAtom integer(long value) {
        return new IntegerAtom(value);
    }

    /** @throws IllegalArgumentException if {@code value} is NaN or infinite, which JSON cannot carry */
    static RealAtom real(double value) {
        return new RealAtom(value);
    }

    static BooleanAtom bool(boolean value) {
        return new BooleanAtom(value);
    }

    static StringAtom string(String value) {
        return new StringAtom(value);
    }

    static UuidAtom uuid(UUID value) {
        return new UuidAtom(value);
    }

    /** @throws IllegalArgumentException if {@code name} is not an RFC 7047 {@code <id>} */
    static NamedUuidAtom namedUuid(String name) {
        return new NamedUuidAtom(name);
    }
}
