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
import org.ovsqos.ovsdb.schema.TableSchema;

/**
 * How one monitored table's rows are built from updates: which columns the cache keeps, their
 * defaults, and the schema that says how to normalise values and apply diffs. Stateless; the rows
 * themselves live in the cache's snapshot.
 */
final class CachedTable {
    private final TableSchema schema;
    /** The monitored columns in request order, {@code _uuid} excluded (it is the row's key). */
    private final Map<String, ColumnSchema> columns;
    /** Every monitored column at its default, as an update2 insert implies for omitted columns. */
    private final Row defaults;

    CachedTable(TableSchema schema, MonitorRequest request) {
        this.schema = schema;
        List<String> names = request.columns().isEmpty() ? schema.monitorableColumns() : request.columns();
        var cols = new LinkedHashMap<String, ColumnSchema>();
        var defaultValues = new LinkedHashMap<String, Value>();
        for (String name : names) {
            ColumnSchema column = schema.column(name).orElseThrow(() -> new IllegalArgumentException(
                    "table " + schema.name() + " has no column " + name + " to monitor"));
            if (name.equals(Row.UUID_COLUMN)) {
                continue;
            }
            cols.put(name, column);
            defaultValues.put(name, column.type().defaultValue());
        }
        this.columns = Map.copyOf(cols);
        this.defaults = new Row(defaultValues);
    }

    String name() {
        return schema.name();
    }

    /**
     * A whole row from an initial or inserted row: {@code _uuid}, then every monitored column,
     * the ones the row omits at their default.
     */
    Row materialize(UUID uuid, Row row) {
        var values = new LinkedHashMap<String, Value>();
        values.put(Row.UUID_COLUMN, Atom.uuid(uuid));
        values.putAll(defaults.columns());
        row.columns().forEach((c, v) -> values.put(c, normalize(uuid, c, v)));
        return new Row(values);
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
        var values = new LinkedHashMap<>(current.columns());
        row.columns().forEach((c, v) -> values.put(c, normalize(uuid, c, v)));
        return new Row(values);
    }

    /** The row after an update2 modify. */
    Row applyDiff(UUID uuid, Row current, Row diff) {
        var values = new LinkedHashMap<>(current.columns());
        diff.columns().forEach((c, d) -> {
            ColumnSchema column = monitored(uuid, c);
            if (c.equals(Row.UUID_COLUMN)) {
                throw new CacheUpdateException(schema.name(), uuid, "modify changes _uuid");
            }
            try {
                values.put(c, ColumnDiffs.apply(column.type(), current.get(c), d));
            } catch (OvsdbProtocolException e) {
                throw new CacheUpdateException(schema.name(), uuid, "column " + c + ": " + e.getMessage(), e);
            }
        });
        return new Row(values);
    }

    private Value normalize(UUID uuid, String c, Value v) {
        ColumnSchema column = monitored(uuid, c);
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

    private ColumnSchema monitored(UUID uuid, String c) {
        if (c.equals(Row.UUID_COLUMN)) {
            return TableSchema.UUID_COLUMN;
        }
        ColumnSchema column = columns.get(c);
        if (column == null) {
            throw new CacheUpdateException(schema.name(), uuid, schema.column(c).isPresent()
                    ? "column " + c + " is not monitored"
                    : "column " + c + " is not in the schema");
        }
        return column;
    }
}
