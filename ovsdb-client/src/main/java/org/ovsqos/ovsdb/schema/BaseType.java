package org.ovsqos.ovsdb.schema;

import java.util.Objects;
import java.util.Optional;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.IntegerAtom;
import org.ovsqos.ovsdb.notation.OvsdbSet;
import org.ovsqos.ovsdb.notation.RealAtom;
import org.ovsqos.ovsdb.notation.StringAtom;

/**
 * The type of a column's keys or values, {@code <base-type>} in RFC 7047 section 3.2: an atomic
 * type with optional constraints. Constraints that do not apply to the atomic type keep their
 * unconstrained defaults ({@link Long#MIN_VALUE}, {@link Double#MAX_VALUE}, ...), so reading one
 * never needs a null check.
 *
 * @param type the atomic type
 * @param enumeration the only values allowed, if the schema lists them ({@code "enum"})
 * @param minInteger smallest allowed integer, {@link Long#MIN_VALUE} when unconstrained
 * @param maxInteger largest allowed integer, {@link Long#MAX_VALUE} when unconstrained
 * @param minReal smallest allowed real, {@code -Double.MAX_VALUE} when unconstrained
 * @param maxReal largest allowed real, {@link Double#MAX_VALUE} when unconstrained
 * @param minLength shortest allowed string, in Unicode code points, 0 when unconstrained
 * @param maxLength longest allowed string, in Unicode code points, {@link Long#MAX_VALUE} when
 *     unconstrained
 * @param refTable the table whose rows a UUID names, if it is a reference
 * @param refType strong or weak; {@link RefType#STRONG} (the RFC default) when not a reference
 */
public record BaseType(
        AtomicType type,
        Optional<OvsdbSet> enumeration,
        long minInteger,
        long maxInteger,
        double minReal,
        double maxReal,
        long minLength,
        long maxLength,
        Optional<String> refTable,
        RefType refType) {

    public BaseType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(enumeration, "enumeration");
        Objects.requireNonNull(refTable, "refTable");
        Objects.requireNonNull(refType, "refType");
        check(minInteger <= maxInteger, "minInteger " + minInteger + " exceeds maxInteger " + maxInteger);
        check(minReal <= maxReal, "minReal " + minReal + " exceeds maxReal " + maxReal);
        check(minLength >= 0 && minLength <= maxLength,
                "string length range " + minLength + ".." + maxLength + " is empty or negative");
        check(type == AtomicType.INTEGER || (minInteger == Long.MIN_VALUE && maxInteger == Long.MAX_VALUE),
                "minInteger/maxInteger apply only to integer, not " + type);
        check(type == AtomicType.REAL || (minReal == -Double.MAX_VALUE && maxReal == Double.MAX_VALUE),
                "minReal/maxReal apply only to real, not " + type);
        check(type == AtomicType.STRING || (minLength == 0 && maxLength == Long.MAX_VALUE),
                "minLength/maxLength apply only to string, not " + type);
        check(type == AtomicType.UUID || refTable.isEmpty(), "refTable applies only to uuid, not " + type);
        check(refTable.isPresent() || refType == RefType.STRONG, "refType needs a refTable");
        enumeration.ifPresent(e -> {
            check(!e.isEmpty(), "enum is empty");
            for (Atom a : e.elements()) {
                check(type.isInstance(a), "enum value " + a + " is not of type " + type);
            }
        });
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** An unconstrained base type. */
    public static BaseType of(AtomicType type) {
        return new BaseType(type, Optional.empty(), Long.MIN_VALUE, Long.MAX_VALUE,
                -Double.MAX_VALUE, Double.MAX_VALUE, 0, Long.MAX_VALUE, Optional.empty(), RefType.STRONG);
    }

    /** A UUID that names a row of {@code table}. */
    public static BaseType reference(String table, RefType refType) {
        return new BaseType(AtomicType.UUID, Optional.empty(), Long.MIN_VALUE, Long.MAX_VALUE,
                -Double.MAX_VALUE, Double.MAX_VALUE, 0, Long.MAX_VALUE,
                Optional.of(Objects.requireNonNull(table, "table")), refType);
    }

    /** This type restricted to the listed values. */
    public BaseType withEnumeration(OvsdbSet values) {
        return new BaseType(type, Optional.of(values), minInteger, maxInteger, minReal, maxReal,
                minLength, maxLength, refTable, refType);
    }

    /** This integer type restricted to {@code min..max}, inclusive. */
    public BaseType withIntegerRange(long min, long max) {
        return new BaseType(type, enumeration, min, max, minReal, maxReal, minLength, maxLength, refTable, refType);
    }

    /** This real type restricted to {@code min..max}, inclusive. */
    public BaseType withRealRange(double min, double max) {
        return new BaseType(type, enumeration, minInteger, maxInteger, min, max, minLength, maxLength,
                refTable, refType);
    }

    /** This string type restricted to {@code min..max} code points, inclusive. */
    public BaseType withLengthRange(long min, long max) {
        return new BaseType(type, enumeration, minInteger, maxInteger, minReal, maxReal, min, max, refTable, refType);
    }

    public boolean isReference() {
        return refTable.isPresent();
    }

    /** The value OVSDB gives an atom of this type by default (see {@link AtomicType#defaultAtom()}). */
    public Atom defaultAtom() {
        return type.defaultAtom();
    }

    /**
     * {@code atom} in the form this type stores: an integer for a real column becomes a real,
     * because JSON does not tell {@code 1} from {@code 1.0} and OVSDB writes integral reals
     * without a fraction. Constraints are not checked here; see {@link #accepts(Atom)}.
     *
     * @throws OvsdbProtocolException if {@code atom} is of another atomic type
     */
    public Atom normalize(Atom atom) {
        Objects.requireNonNull(atom, "atom");
        if (type == AtomicType.REAL && atom instanceof IntegerAtom i) {
            return Atom.real(i.value());
        }
        if (!type.isInstance(atom)) {
            throw new OvsdbProtocolException("expected " + type + ", got " + atom.getClass().getSimpleName()
                    + " " + atom);
        }
        return atom;
    }

    /** Whether {@code atom} is of this type (after {@link #normalize}) and meets every constraint. */
    public boolean accepts(Atom atom) {
        Atom a;
        try {
            a = normalize(atom);
        } catch (OvsdbProtocolException e) {
            return false;
        }
        if (enumeration.isPresent() && !enumeration.get().contains(a)) {
            return false;
        }
        if (a instanceof IntegerAtom i) {
            return i.value() >= minInteger && i.value() <= maxInteger;
        }
        if (a instanceof RealAtom r) {
            return r.value() >= minReal && r.value() <= maxReal;
        }
        if (a instanceof StringAtom s) {
            long length = s.value().codePointCount(0, s.value().length());
            return length >= minLength && length <= maxLength;
        }
        return true;
    }

    @Override
    public String toString() {
        var sb = new StringBuilder(type.jsonName());
        enumeration.ifPresent(e -> sb.append(" in ").append(e));
        if (minInteger != Long.MIN_VALUE || maxInteger != Long.MAX_VALUE) {
            sb.append(' ').append(bound(minInteger, Long.MIN_VALUE)).append("..").append(bound(maxInteger, Long.MAX_VALUE));
        }
        if (minReal != -Double.MAX_VALUE || maxReal != Double.MAX_VALUE) {
            sb.append(' ').append(minReal).append("..").append(maxReal);
        }
        if (minLength != 0 || maxLength != Long.MAX_VALUE) {
            sb.append(" length ").append(minLength).append("..").append(bound(maxLength, Long.MAX_VALUE));
        }
        refTable.ifPresent(t -> sb.append(' ').append(refType.jsonName()).append(" ref to ").append(t));
        return sb.toString();
    }

    private static String bound(long value, long unbounded) {
        return value == unbounded ? "" : Long.toString(value);
    }
}
