package org.ovsqos.ovsdb.schema;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.OvsdbMap;
import org.ovsqos.ovsdb.notation.OvsdbSet;
import org.ovsqos.ovsdb.notation.Value;

/**
 * A column's type, {@code <type>} in RFC 7047 section 3.2: a key type, an optional value type
 * (present for maps), and how many elements the column holds.
 *
 * <p>Every value this library hands out for a column has the column's <em>canonical shape</em>:
 * an {@link OvsdbMap} for a map column, a bare {@link Atom} for a scalar column (exactly one
 * element, no value type), and an {@link OvsdbSet} for every other column, including optional
 * ones ({@code min} 0, {@code max} 1), whose empty set means "no value". {@link #normalize}
 * produces that shape from what the wire carries.
 *
 * @param key the type of the atoms of a set, or of a map's keys
 * @param value the type of a map's values; empty for sets and scalars
 * @param min the fewest elements, 0 or 1
 * @param max the most elements, at least 1; {@link #UNLIMITED} for {@code "unlimited"}
 */
public record ColumnType(BaseType key, Optional<BaseType> value, int min, long max) {
    /** {@code max} of a column declared {@code "max": "unlimited"}. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    public ColumnType {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (min != 0 && min != 1) {
            throw new IllegalArgumentException("min must be 0 or 1, got " + min);
        }
        if (max < 1 || max < min) {
            throw new IllegalArgumentException("max must be at least 1 and at least min, got " + max);
        }
    }

    /** Exactly one atom, the default shape of a column ({@code "type": "integer"}). */
    public static ColumnType scalar(BaseType key) {
        return new ColumnType(key, Optional.empty(), 1, 1);
    }

    /** Zero or one atom. */
    public static ColumnType optional(BaseType key) {
        return new ColumnType(key, Optional.empty(), 0, 1);
    }

    public static ColumnType set(BaseType key, int min, long max) {
        return new ColumnType(key, Optional.empty(), min, max);
    }

    public static ColumnType map(BaseType key, BaseType value, int min, long max) {
        return new ColumnType(key, Optional.of(value), min, max);
    }

    /** This type with other element bounds, e.g. the unbounded type of an update2 diff. */
    public ColumnType withBounds(int newMin, long newMax) {
        return new ColumnType(key, value, newMin, newMax);
    }

    public boolean isMap() {
        return value.isPresent();
    }

    /** Exactly one atom and no value type: the canonical shape is a bare {@link Atom}. */
    public boolean isScalar() {
        return value.isEmpty() && min == 1 && max == 1;
    }

    /** Not a map and not a scalar: the canonical shape is an {@link OvsdbSet}. */
    public boolean isSet() {
        return value.isEmpty() && !isScalar();
    }

    public boolean isOptional() {
        return min == 0;
    }

    /**
     * Whether the column may hold more than one element. ovsdb-server sends an update2 diff of a
     * composite column as the elements that changed, and of any other column (even an optional
     * one or a map of at most one pair) as the whole new value.
     */
    public boolean isComposite() {
        return max > 1;
    }

    public boolean isUnlimited() {
        return max == UNLIMITED;
    }

    /**
     * The value of a column nobody wrote: empty for optional columns, else one default atom
     * (or one default pair), as OVSDB initialises it. An update2 {@code initial} or
     * {@code insert} omits columns that hold this value.
     */
    public Value defaultValue() {
        if (isScalar()) {
            return key.defaultAtom();
        }
        if (isMap()) {
            return min == 0 ? OvsdbMap.empty() : OvsdbMap.of(key.defaultAtom(), value.get().defaultAtom());
        }
        return min == 0 ? OvsdbSet.empty() : OvsdbSet.of(key.defaultAtom());
    }

    /**
     * {@code v} in this type's canonical shape: a bare atom for a set column becomes a
     * one-element set (RFC 7047 section 5.1 lets a one-element set travel as its atom), a
     * one-element set for a scalar column becomes the atom, integers for real atoms become reals.
     * The element count must lie within {@code min..max}; atom constraints are not checked.
     *
     * <p>A set or map that is already canonical (every atom is already what
     * {@link BaseType#normalize} makes of it) is returned itself, not copied: normalising every
     * value of a large monitor update then builds nothing new.
     *
     * @throws OvsdbProtocolException if {@code v} cannot be a value of this type
     */
    public Value normalize(Value v) {
        Objects.requireNonNull(v, "value");
        if (isMap()) {
            return normalizeMap(v);
        }
        if (v instanceof Atom a) {
            Atom atom = key.normalize(a); // one element always fits: min <= 1 <= max
            return isScalar() ? atom : OvsdbSet.of(atom);
        }
        OvsdbSet set = asSet(v);
        checkCount(set.size(), v);
        if (isScalar()) {
            return key.normalize(set.elements().iterator().next());
        }
        return isCanonical(set) ? set : normalizeElements(set);
    }

    private OvsdbSet asSet(Value v) {
        if (v instanceof OvsdbSet s) {
            return s;
        }
        throw new OvsdbProtocolException("expected " + this + ", got map " + v);
    }

    private boolean isCanonical(OvsdbSet set) {
        for (Atom a : set.elements()) {
            if (key.normalize(a) != a) {
                return false;
            }
        }
        return true;
    }

    private OvsdbSet normalizeElements(OvsdbSet set) {
        OvsdbSet.Builder elements = OvsdbSet.builder(set.size());
        for (Atom a : set.elements()) {
            Atom normalized = key.normalize(a);
            if (elements.contains(normalized)) {
                // 1 and 1.0 in a set of reals: the same element twice.
                throw new OvsdbProtocolException("duplicate element " + a + " in " + set);
            }
            elements.add(normalized);
        }
        return elements.build();
    }

    private OvsdbMap normalizeMap(Value v) {
        OvsdbMap map;
        if (v instanceof OvsdbMap m) {
            map = m;
        } else if (v instanceof OvsdbSet s && s.isEmpty()) {
            map = OvsdbMap.empty();
        } else {
            throw new OvsdbProtocolException("expected " + this + ", got " + v);
        }
        checkCount(map.size(), v);
        return isCanonical(map) ? map : normalizePairs(map);
    }

    private boolean isCanonical(OvsdbMap map) {
        BaseType valueType = value.get();
        for (Map.Entry<Atom, Atom> e : map.entries().entrySet()) {
            if (key.normalize(e.getKey()) != e.getKey() || valueType.normalize(e.getValue()) != e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private OvsdbMap normalizePairs(OvsdbMap map) {
        BaseType valueType = value.get();
        OvsdbMap.Builder entries = OvsdbMap.builder(map.size());
        for (Map.Entry<Atom, Atom> e : map.entries().entrySet()) {
            Atom k = key.normalize(e.getKey());
            if (entries.get(k) != null) {
                throw new OvsdbProtocolException("duplicate key " + e.getKey() + " in " + map);
            }
            entries.put(k, valueType.normalize(e.getValue()));
        }
        return entries.build();
    }

    private void checkCount(int n, Value v) {
        if (n < min || n > max) {
            throw new OvsdbProtocolException("expected " + this + ", got " + n + " elements: " + v);
        }
    }

    @Override
    public String toString() {
        if (isScalar()) {
            return key.toString();
        }
        String bounds = min + ".." + (isUnlimited() ? "unlimited" : Long.toString(max));
        return value.map(vt -> "map (" + bounds + ") of " + key + " to " + vt)
                .orElseGet(() -> "set (" + bounds + ") of " + key);
    }
}
