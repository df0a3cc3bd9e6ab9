package org.ovsqos.ovsdb.cache;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ovsqos.ovsdb.notation.Row;

/**
 * A table's rows in a snapshot: a map nobody can change, so snapshots share the maps of tables an
 * update did not touch instead of copying every table on every update.
 */
final class UnmodifiableRows extends AbstractMap<UUID, Row> {
    static final Map<UUID, Row> EMPTY = new UnmodifiableRows(new LinkedHashMap<>());

    private final LinkedHashMap<UUID, Row> owned;
    private final Map<UUID, Row> view;

    private UnmodifiableRows(LinkedHashMap<UUID, Row> owned) {
        this.owned = owned;
        this.view = Collections.unmodifiableMap(owned);
    }

    static Map<UUID, Row> copyOf(Map<UUID, Row> rows) {
        return new UnmodifiableRows(new LinkedHashMap<>(rows));
    }

    /**
     * A map the caller may change, holding {@code rows} in order: the next version of a table.
     * Copies the rows this class holds straight from its own map, as iterating the read-only
     * view would wrap every entry.
     */
    static LinkedHashMap<UUID, Row> mutableCopy(Map<UUID, Row> rows) {
        return new LinkedHashMap<>(rows instanceof UnmodifiableRows u ? u.owned : rows);
    }

    /** Wraps {@code owned} without copying; the caller must drop every other reference to it. */
    static Map<UUID, Row> adopt(LinkedHashMap<UUID, Row> owned) {
        return new UnmodifiableRows(owned);
    }

    @Override
    public Set<Entry<UUID, Row>> entrySet() {
        return view.entrySet();
    }

    @Override
    public Row get(Object key) {
        return view.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return view.containsKey(key);
    }

    @Override
    public int size() {
        return view.size();
    }
}
