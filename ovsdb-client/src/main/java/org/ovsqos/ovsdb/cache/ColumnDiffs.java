package org.ovsqos.ovsdb.cache;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
     * The column's value after {@code diff}.
     *
     * @param current the cached value, in canonical shape
     * @param diff the diff as decoded from the wire
     * @throws OvsdbProtocolException if the diff has the wrong type or leaves too few or too many elements
     */
    static Value apply(ColumnType type, Value current, Value diff) {
        if (!type.isComposite()) {
            return type.normalize(diff);
        }
        // A diff may hold more elements than the column allows (remove 3, add 3); only the result
        // must fit.
        Value delta = type.withBounds(0, ColumnType.UNLIMITED).normalize(diff);
        Value result = type.isMap() ? applyToMap((OvsdbMap) current, (OvsdbMap) delta)
                : applyToSet((OvsdbSet) current, (OvsdbSet) delta);
        int size = result instanceof OvsdbMap m ? m.size() : ((OvsdbSet) result).size();
        if (size < type.min() || size > type.max()) {
            throw new OvsdbProtocolException("diff " + diff + " leaves " + size + " elements, outside " + type);
        }
        return result;
    }

    private static OvsdbSet applyToSet(OvsdbSet current, OvsdbSet delta) {
        var elements = new LinkedHashSet<>(current.elements());
        for (Atom a : delta.elements()) {
            if (!elements.remove(a)) {
                elements.add(a);
            }
        }
        return new OvsdbSet(elements);
    }

    private static OvsdbMap applyToMap(OvsdbMap current, OvsdbMap delta) {
        var entries = new LinkedHashMap<>(current.entries());
        delta.entries().forEach((key, value) -> {
            Atom old = entries.get(key);
            if (value.equals(old)) {
                entries.remove(key);
            } else {
                entries.put(key, value);
            }
        });
        return new OvsdbMap(entries);
    }
}
