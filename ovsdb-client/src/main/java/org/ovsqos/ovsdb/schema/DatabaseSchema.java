package org.ovsqos.ovsdb.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 *     requires it, but ovsdb-server accepts schemas without). When present it has the form
 *     {@code x.y.z}, as ovsdb-server reads it (see {@link #fromJson}).
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
     * Parses the result of {@code get_schema}, or a schema file, by ovsdb-server's rules (Open
     * vSwitch 3.x): a member the server does not know is an error, not ignored, so nothing is
     * lost between reading a schema and sending it back ({@link #toJson()}); a {@code version} must
     * be three numbers with dots between, which ovsdb-server reads with {@code scanf}'s
     * {@code %u} (so {@code " 1.2.3"} and {@code "-1.2.3"} pass, {@code "1.2"} does not); a table
     * needs a column; an index may not hold an ephemeral column. As the server does, it makes a
     * column of weak references mutable and a strong reference to a non-root table persistent.
     *
     * @throws OvsdbProtocolException naming the table and column if the schema is malformed
     */
    public static DatabaseSchema fromJson(JsonNode json) {
        return SchemaParser.parse(json);
    }

    /**
     * This schema as {@code <database-schema>} JSON, in the form ovsdb-server's
     * {@code get_schema} gives (defaults left out), e.g. for {@code convert}. {@link #fromJson}
     * reads it back equal to this schema.
     */
    public ObjectNode toJson() {
        return SchemaJson.toJson(this);
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
