package org.ovsqos.ovsdb.cache;

import java.util.Optional;
import java.util.UUID;
import org.ovsqos.ovsdb.OvsdbProtocolException;

/**
 * An update could not be applied to the {@link TableCache}: it contradicts what the cache holds
 * (a modify or delete of a row it lacks, an insert of a row it has) or does not fit the schema
 * (an unmonitored column, a diff of the wrong type). The cache is unchanged, but it no longer
 * mirrors the server; the owner should log this and resynchronise (a fresh monitor whose
 * initial rows go to {@link TableCache#replaceAll}).
 */
public class CacheUpdateException extends OvsdbProtocolException {
    private static final long serialVersionUID = 1L;

    private final String table;
    private final UUID row;

    public CacheUpdateException(String table, UUID row, String problem, Throwable cause) {
        super("table " + table + (row == null ? "" : " row " + row) + ": " + problem, cause);
        this.table = table;
        this.row = row;
    }

    public CacheUpdateException(String table, UUID row, String problem) {
        this(table, row, problem, null);
    }

    /** The table of the offending update. */
    public String table() {
        return table;
    }

    /** The offending row, if the problem is with one row. */
    public Optional<UUID> row() {
        return Optional.ofNullable(row);
    }
}
