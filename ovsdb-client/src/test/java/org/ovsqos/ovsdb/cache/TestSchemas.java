package org.ovsqos.ovsdb.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.ovsqos.ovsdb.schema.AtomicType;
import org.ovsqos.ovsdb.schema.BaseType;
import org.ovsqos.ovsdb.schema.ColumnSchema;
import org.ovsqos.ovsdb.schema.ColumnType;
import org.ovsqos.ovsdb.schema.DatabaseSchema;
import org.ovsqos.ovsdb.schema.TableSchema;
import java.util.Map;
import java.util.Optional;
import org.ovsqos.ovsdb.notation.OvsdbSet;

/** Schemas and golden files shared by the cache tests. */
final class TestSchemas {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private TestSchemas() {
    }

    static DatabaseSchema vswitch() {
        try {
            return DatabaseSchema.fromJson(MAPPER.readTree(Path.of("/usr/share/openvswitch/vswitch.ovsschema").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode golden(String name) {
        try (InputStream in = TestSchemas.class.getResourceAsStream(name)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final BaseType INTEGER = BaseType.of(AtomicType.INTEGER);
    static final BaseType REAL = BaseType.of(AtomicType.REAL);
    static final BaseType BOOLEAN = BaseType.of(AtomicType.BOOLEAN);
    static final BaseType STRING = BaseType.of(AtomicType.STRING);
    static final BaseType UUID = BaseType.of(AtomicType.UUID);

    /** Table {@code K} with one column of every kind the diff rules tell apart. */
    static final TableSchema KINDS = TableSchema.of("K",
            ColumnSchema.of("int", ColumnType.scalar(INTEGER)),
            ColumnSchema.of("real", ColumnType.scalar(REAL)),
            ColumnSchema.of("bool", ColumnType.scalar(BOOLEAN)),
            ColumnSchema.of("str", ColumnType.scalar(STRING)),
            ColumnSchema.of("ref", ColumnType.scalar(UUID)),
            ColumnSchema.of("mode", ColumnType.optional(STRING.withEnumeration(OvsdbSet.ofStrings("a", "b", "c")))),
            ColumnSchema.of("opt", ColumnType.optional(INTEGER)),
            ColumnSchema.of("tags", ColumnType.set(STRING, 0, ColumnType.UNLIMITED)),
            ColumnSchema.of("reals", ColumnType.set(REAL, 0, ColumnType.UNLIMITED)),
            ColumnSchema.of("few", ColumnType.set(INTEGER, 1, 3)),
            ColumnSchema.of("ids", ColumnType.map(STRING, STRING, 0, ColumnType.UNLIMITED)),
            ColumnSchema.of("stats", ColumnType.map(STRING, INTEGER, 0, ColumnType.UNLIMITED)),
            ColumnSchema.of("one", ColumnType.map(STRING, INTEGER, 0, 1)));

    static final DatabaseSchema KINDS_DB = new DatabaseSchema("Kinds", "1.0.0", Optional.empty(), Map.of("K", KINDS));
}
