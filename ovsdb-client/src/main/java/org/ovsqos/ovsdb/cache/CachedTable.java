package org.ovsqos.ovsdb.cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.notation.Value;
import org.ovsqos.ovsdb.schema.ColumnSchema;
import org.ovsqos.ovsdb.schema.ColumnType;
import org.ovsqos.ovsdb.schema.TableSchema;

/**
 * How one monitored table's rows are built from updates: which columns the cache keeps, their
 * defaults, and the schema that says how to normalise values and apply diffs. Stateless; the rows
 * themselves live in the cache's snapshot.
 */
final class CachedTable {
    private static final Monitored UUID_COLUMN = new Monitored(TableSchema.UUID_COLUMN, TableSchema.UUID_COLUMN.type());

    private final TableSchema schema;
    /** The monitored columns, {@code _uuid} excluded (it is the row's key). */
    private final Map<String, Monitored> columns;
    /** Every monitored column at its default, as an update2 insert implies for omitted columns. */
    private final Row defaults;

    CachedTable(TableSchema schema, MonitorRequest request) {
        this.schema = schema;
        List<String> names = request.columns().isEmpty() ? schema.monitorableColumns() : request.columns();
        var cols = new LinkedHashMap<String, Monitored>();
        Row.Builder defaultValues = Row.builder(names.size());
        for (String name : names) {
            ColumnSchema column = schema.column(name).orElseThrow(() -> new IllegalArgumentException(
                    "table " + schema.name() + " has no column " + name + " to monitor"));
            if (name.equals(Row.UUID_COLUMN)) {
                continue;
            }
            cols.put(name, new Monitored(column, ColumnDiffs.diffType(column.type())));
            defaultValues.put(name, column.type().defaultValue());
        }
        this.columns = Map.copyOf(cols);
        this.defaults = defaultValues.build();
    }

    String name() {
        return schema.name();
    }

    /**
     * A whole row from an initial or inserted row: {@code _uuid}, then every monitored column,
     * the ones the row omits at their default.
     */
    Row materialize(UUID uuid, Row row) {
        Row.Builder values = Row.builder(defaults.size() + 1).put(Row.UUID_COLUMN, Atom.uuid(uuid));
        defaults.columns().forEach(values::put);
        row.columns().forEach((c, v) -> values.put(c, normalize(uuid, c, v)));
        return values.build();
    }

    /** The row after an {@code update} modify, whose new row holds every monitored column. */
    Row applyModify(UUID uuid, Row current, Row old, Row row) {
        // "old" holds the previous values of the changed columns: if they are not what the cache
        // holds, the cache has drifted from the server.
        old.columns().forEach((c, v) -> {
            Value expected = normalize(uuid, c, v);
            if (!expected.equals(current.get(c))) {
                throw new CacheUpdateException(schema.name(), uuid, "modify says column " + c + " was " + expected
                        + " but the cache holds " + current.get(c));
            }
        });
        Row.Builder values = current.toBuilder();
        row.columns().forEach((c, v) -> values.put(c, normalize(uuid, c, v)));
        return values.build();
    }

    /** The row after an update2 modify. */
    Row applyDiff(UUID uuid, Row current, Row diff) {
        Row.Builder values = current.toBuilder();
        diff.columns().forEach((c, d) -> {
            Monitored column = monitored(uuid, c);
            if (c.equals(Row.UUID_COLUMN)) {
                throw new CacheUpdateException(schema.name(), uuid, "modify changes _uuid");
            }
            try {
                values.put(c, ColumnDiffs.apply(column.type(), column.diffType(), current.get(c), d));
            } catch (OvsdbProtocolException e) {
                throw new CacheUpdateException(schema.name(), uuid, "column " + c + ": " + e.getMessage(), e);
            }
        });
        return values.build();
    }

    private Value normalize(UUID uuid, String c, Value v) {
        Monitored column = monitored(uuid, c);
        Value normalized;
        try {
            normalized = column.type().normalize(v);
        } catch (OvsdbProtocolException e) {
            throw new CacheUpdateException(schema.name(), uuid, "column " + c + ": " + e.getMessage(), e);
        }
        if (c.equals(Row.UUID_COLUMN) && !normalized.equals(Atom.uuid(uuid))) {
            throw new CacheUpdateException(schema.name(), uuid, "row carries _uuid " + normalized);
        }
        return normalized;
    }

    private Monitored monitored(UUID uuid, String c) {
        if (c.equals(Row.UUID_COLUMN)) {
            return UUID_COLUMN;
        }
        Monitored column = columns.get(c);
        if (column == null) {
            throw new CacheUpdateException(schema.name(), uuid, schema.column(c).isPresent()
                    ? "column " + c + " is not monitored"
                    : "column " + c + " is not in the schema");
        }
        return column;
    }

    /** A monitored column, with the type its update2 diffs are read with, made once rather than per diff. */
    private record Monitored(ColumnSchema schema, ColumnType diffType) {
        ColumnType type() {
            return schema.type();
        }
    }
}
