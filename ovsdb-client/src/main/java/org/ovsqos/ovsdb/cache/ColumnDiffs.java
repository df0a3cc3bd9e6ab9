package org.ovsqos.ovsdb.cache;

import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.OvsdbMap;
import org.ovsqos.ovsdb.notation.OvsdbSet;
import org.ovsqos.ovsdb.notation.Value;
import org.ovsqos.ovsdb.schema.ColumnType;

/**
 * Applies the column diff of an update2 {@code modify} (ovsdb-server(7) section 4.1.14), as
 * ovsdb-server computes it: a column holding at most one element (scalar, optional, or a map of
 * at most one pair) carries its new value; a set carries the elements in exactly one of old and
 * new, to toggle; a map carries pairs whose key is in one only (toggle), and pairs whose key is
 * in both with a new value (replace). Applying a diff is thus its own inverse operation, as in
 * Open vSwitch's {@code ovsdb_datum_apply_diff}.
 */
final class ColumnDiffs {
    private ColumnDiffs() {
    }

    /**
     * The type an update2 diff of a column of {@code type} is read with. A diff of a composite
     * column may hold more elements than the column allows (remove 3, add 3), so its bounds are
     * relaxed; only the result of applying it must fit. Made once per column, not per diff.
     */
    static ColumnType diffType(ColumnType type) {
        return type.isComposite() ? type.withBounds(0, ColumnType.UNLIMITED) : type;
    }

    /**
     * The column's value after {@code diff}.
     *
     * @param type the column's type
     * @param diffType {@link #diffType} of {@code type}
     * @param current the cached value, in canonical shape
     * @param diff the diff as decoded from the wire
     * @throws OvsdbProtocolException if the diff has the wrong type or leaves too few or too many elements
     */
    static Value apply(ColumnType type, ColumnType diffType, Value current, Value diff) {
        if (!type.isComposite()) {
            return type.normalize(diff);
        }
        Value delta = diffType.normalize(diff);
        Value result = type.isMap() ? applyToMap((OvsdbMap) current, (OvsdbMap) delta)
                : applyToSet((OvsdbSet) current, (OvsdbSet) delta);
        int size = result instanceof OvsdbMap m ? m.size() : ((OvsdbSet) result).size();
        if (size < type.min() || size > type.max()) {
            throw new OvsdbProtocolException("diff " + diff + " leaves " + size + " elements, outside " + type);
        }
        return result;
    }

    private static OvsdbSet applyToSet(OvsdbSet current, OvsdbSet delta) {
        if (delta.isEmpty()) {
            return current;
        }
        OvsdbSet.Builder elements = current.toBuilder();
        for (Atom a : delta.elements()) {
            if (elements.contains(a)) {
                elements.remove(a);
            } else {
                elements.add(a);
            }
        }
        return elements.build();
    }

    private static OvsdbMap applyToMap(OvsdbMap current, OvsdbMap delta) {
        if (delta.isEmpty()) {
            return current;
        }
        OvsdbMap.Builder entries = current.toBuilder();
        delta.entries().forEach((key, value) -> {
            if (value.equals(entries.get(key))) {
                entries.remove(key);
            } else {
                entries.put(key, value);
            }
        });
        return entries.build();
    }
}
