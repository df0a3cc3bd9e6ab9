package org.ovsqos.ovsdb.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.notation.Row;

/**
 * One table, {@code <table-schema>} in RFC 7047 section 3.2. {@link #columns()} holds the
 * implicit {@code _uuid} and {@code _version} columns first, then the declared ones in schema
 * order.
 *
 * @param name the table name
 * @param columns every column by name, implicit ones included; at least one declared column
 * @param maxRows the most rows the table may hold, if limited
 * @param isRoot whether rows live without being referenced; already resolved for old schemas
 *     that mark no table as root (then every table is root, RFC 7047 section 3.2)
 * @param indexes sets of columns whose values are unique across rows; no ephemeral column among
 *     them, since an index must hold after a restart
 * @param mutable the table-level {@code "mutable"} member of Open vSwitch schemas (default
 *     true). ovsdb-server 3.x reads it, keeps it and writes it back in {@code get_schema}, but
 *     enforces only the column-level flag ({@link ColumnSchema#mutable()}), so it is a
 *     declaration of intent, not a rule the server applies.
 */
public record TableSchema(
        String name, Map<String, ColumnSchema> columns, OptionalLong maxRows, boolean isRoot,
        List<List<String>> indexes, boolean mutable) {

    /** The implicit {@code _uuid} column: the row's identity, never written by a client. */
    public static final ColumnSchema UUID_COLUMN =
            new ColumnSchema(Row.UUID_COLUMN, ColumnType.scalar(BaseType.of(AtomicType.UUID)), false, false);
    /** The implicit {@code _version} column: a fresh UUID after every change to the row. */
    public static final ColumnSchema VERSION_COLUMN =
            new ColumnSchema(Row.VERSION_COLUMN, ColumnType.scalar(BaseType.of(AtomicType.UUID)), false, false);

    /**
     * Adds the implicit columns when absent and checks what ovsdb-server checks: a declared
     * column at least, and indexes of known, persistent columns.
     */
    public TableSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maxRows, "maxRows");
        var all = new LinkedHashMap<String, ColumnSchema>();
        all.put(UUID_COLUMN.name(), UUID_COLUMN);
        all.put(VERSION_COLUMN.name(), VERSION_COLUMN);
        columns.forEach((n, c) -> {
            if (!n.equals(c.name())) {
                throw new IllegalArgumentException("column " + c.name() + " filed under " + n);
            }
            all.put(n, c);
        });
        if (all.size() == 2) {
            throw new IllegalArgumentException("a table must have at least one column");
        }
        columns = Collections.unmodifiableMap(all);
        maxRows.ifPresent(m -> {
            if (m < 1) {
                throw new IllegalArgumentException("maxRows must be positive, got " + m);
            }
        });
        indexes = indexes.stream().map(List::copyOf).toList();
        for (List<String> index : indexes) {
            if (index.isEmpty()) {
                throw new IllegalArgumentException("empty index");
            }
            for (String c : index) {
                if (!all.containsKey(c)) {
                    throw new IllegalArgumentException("index " + index + " names unknown column " + c);
                }
                if (all.get(c).ephemeral()) {
                    throw new IllegalArgumentException("index " + index + " names ephemeral column " + c
                            + ", which a restart may forget");
                }
            }
        }
    }

    /** A mutable table. */
    public TableSchema(String name, Map<String, ColumnSchema> columns, OptionalLong maxRows, boolean isRoot,
            List<List<String>> indexes) {
        this(name, columns, maxRows, isRoot, indexes, true);
    }

    /** A root table without row limit or indexes, for tests and hand-built schemas. */
    public static TableSchema of(String name, ColumnSchema... columns) {
        var m = new LinkedHashMap<String, ColumnSchema>();
        for (ColumnSchema c : columns) {
            m.put(c.name(), c);
        }
        return new TableSchema(name, m, OptionalLong.empty(), true, List.of());
    }

    /** This table, with {@code isRoot} set to {@code root}. */
    public TableSchema withRoot(boolean root) {
        return new TableSchema(name, columns, maxRows, root, indexes, mutable);
    }

    /** This table with other columns; the implicit ones are added back. */
    public TableSchema withColumns(Map<String, ColumnSchema> newColumns) {
        return new TableSchema(name, newColumns, maxRows, isRoot, indexes, mutable);
    }

    /** The columns the schema declares, without the implicit {@code _uuid} and {@code _version}. */
    public Map<String, ColumnSchema> declaredColumns() {
        var declared = new LinkedHashMap<>(columns);
        declared.remove(Row.UUID_COLUMN);
        declared.remove(Row.VERSION_COLUMN);
        return Collections.unmodifiableMap(declared);
    }

    public Optional<ColumnSchema> column(String column) {
        return Optional.ofNullable(columns.get(column));
    }

    /**
     * The column called {@code column}.
     *
     * @throws OvsdbProtocolException naming the table if there is no such column
     */
    public ColumnSchema requireColumn(String column) {
        ColumnSchema c = columns.get(column);
        if (c == null) {
            throw new OvsdbProtocolException("table " + name + " has no column " + column);
        }
        return c;
    }

    /**
     * The columns a monitor request without a {@code columns} member watches: all but
     * {@code _uuid}, which every update carries as the row's key instead.
     */
    public List<String> monitorableColumns() {
        return columns.keySet().stream().filter(c -> !c.equals(Row.UUID_COLUMN)).toList();
    }

    /**
     * {@code row} with every value in its column's canonical shape.
     *
     * @throws OvsdbProtocolException naming the table and column that do not fit
     */
    public Row normalize(Row row) {
        Row.Builder out = Row.builder(row.size());
        row.columns().forEach((c, v) -> {
            ColumnSchema column = requireColumn(c);
            try {
                out.put(c, column.type().normalize(v));
            } catch (OvsdbProtocolException e) {
                throw new OvsdbProtocolException("table " + name + " column " + c + ": " + e.getMessage(), e);
            }
        });
        return out.build();
    }
}
