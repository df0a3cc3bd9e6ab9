package org.ovsqos.ovsdb.schema;

import java.util.Optional;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.BooleanAtom;
import org.ovsqos.ovsdb.notation.IntegerAtom;
import org.ovsqos.ovsdb.notation.NamedUuidAtom;
import org.ovsqos.ovsdb.notation.RealAtom;
import org.ovsqos.ovsdb.notation.StringAtom;
import org.ovsqos.ovsdb.notation.UuidAtom;

/** The five atomic types of OVSDB, {@code <atomic-type>} in RFC 7047 section 3.2. */
public enum AtomicType {
    INTEGER("integer"),
    REAL("real"),
    BOOLEAN("boolean"),
    STRING("string"),
    UUID("uuid");

    private final String jsonName;

    AtomicType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name as a schema spells it, e.g. {@code "integer"}. */
    public String jsonName() {
        return jsonName;
    }

    /** The type spelled {@code name} in a schema, if there is one. */
    public static Optional<AtomicType> fromJsonName(String name) {
        for (AtomicType t : values()) {
            if (t.jsonName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The value a column of this type holds when nothing was written to it (the 0, 0.0, false,
     * empty string and all-zero UUID that OVSDB uses), and what an update2 {@code insert} omits.
     */
    public Atom defaultAtom() {
        return switch (this) {
            case INTEGER -> Atom.integer(0);
            case REAL -> Atom.real(0.0);
            case BOOLEAN -> Atom.bool(false);
            case STRING -> Atom.string("");
            case UUID -> Atom.uuid(new java.util.UUID(0, 0));
        };
    }

    /**
     * Whether {@code atom} is of this type exactly. A named UUID counts as a UUID, since a
     * transaction may use one wherever a UUID is expected.
     */
    public boolean isInstance(Atom atom) {
        return switch (this) {
            case INTEGER -> atom instanceof IntegerAtom;
            case REAL -> atom instanceof RealAtom;
            case BOOLEAN -> atom instanceof BooleanAtom;
            case STRING -> atom instanceof StringAtom;
            case UUID -> atom instanceof UuidAtom || atom instanceof NamedUuidAtom;
        };
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
