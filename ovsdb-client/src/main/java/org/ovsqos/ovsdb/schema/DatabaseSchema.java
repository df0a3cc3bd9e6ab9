package org.ovsqos.ovsdb.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ovsqos.ovsdb.OvsdbProtocolException;

/**
 * A database schema as {@code get_schema} returns it, {@code <database-schema>} in RFC 7047
 * section 3.2 (method in section 4.1.2).
 *
 * @param name the database name, e.g. {@code "Open_vSwitch"}
 * @param version the schema version, e.g. {@code "8.3.1"}; empty if the schema has none (the RFC
 *     requires it, but ovsdb-server accepts schemas without)
 * @param cksum the schema checksum, if present
 * @param tables every table by name, in schema order
 */
public record DatabaseSchema(String name, String version, Optional<String> cksum, Map<String, TableSchema> tables) {

    /** Checks that every reference names a table of this schema. */
    public DatabaseSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(cksum, "cksum");
        Map<String, TableSchema> copy = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        tables = copy;
        for (TableSchema t : copy.values()) {
            for (ColumnSchema c : t.columns().values()) {
                checkReference(copy, t, c, c.type().key());
                c.type().value().ifPresent(v -> checkReference(copy, t, c, v));
            }
        }
    }

    private static void checkReference(Map<String, TableSchema> tables, TableSchema t, ColumnSchema c, BaseType b) {
        b.refTable().ifPresent(ref -> {
            if (!tables.containsKey(ref)) {
                throw new IllegalArgumentException(
                        "table " + t.name() + " column " + c.name() + ": refTable " + ref + " is not a table");
            }
        });
    }

    /**
     * Parses the result of {@code get_schema}. Members this version does not know are ignored, so
     * a newer server's schema still parses.
     *
     * @throws OvsdbProtocolException naming the table and column if the schema is malformed
     */
    public static DatabaseSchema fromJson(JsonNode json) {
        return SchemaParser.parse(json);
    }

    public Optional<TableSchema> table(String table) {
        return Optional.ofNullable(tables.get(table));
    }

    /**
     * The table called {@code table}.
     *
     * @throws OvsdbProtocolException naming the database if there is no such table
     */
    public TableSchema requireTable(String table) {
        TableSchema t = tables.get(table);
        if (t == null) {
            throw new OvsdbProtocolException("database " + name + " has no table " + table);
        }
        return t;
    }
}
