package org.ovsqos.ovsdb.cache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ovsqos.ovsdb.notation.Row;

/**
 * The content of a {@link TableCache} at one instant, between two updates: immutable, and
 * consistent across tables. Taking one costs nothing; the cache replaces, never mutates, it.
 *
 * @param tables monitored table name to its rows by UUID
 */
public record CacheSnapshot(Map<String, Map<UUID, Row>> tables) {

    public CacheSnapshot {
        var copy = new LinkedHashMap<String, Map<UUID, Row>>(tables.size() * 2);
        // The cache hands in maps it never touches again; wrapping them keeps snapshots O(tables).
        tables.forEach((t, rows) -> copy.put(t, rows instanceof UnmodifiableRows ? rows : UnmodifiableRows.copyOf(rows)));
        tables = Collections.unmodifiableMap(copy);
    }

    /**
     * The rows of {@code table}, by UUID.
     *
     * @throws IllegalArgumentException if the table is not monitored
     */
    public Map<UUID, Row> rows(String table) {
        Map<UUID, Row> rows = tables.get(table);
        if (rows == null) {
            throw new IllegalArgumentException("table " + table + " is not monitored; monitored: " + tables.keySet());
        }
        return rows;
    }

    /** @throws IllegalArgumentException if the table is not monitored */
    public Optional<Row> row(String table, UUID uuid) {
        return Optional.ofNullable(rows(table).get(uuid));
    }

    /** The number of rows across all tables. */
    public int size() {
        return tables.values().stream().mapToInt(Map::size).sum();
    }
}
