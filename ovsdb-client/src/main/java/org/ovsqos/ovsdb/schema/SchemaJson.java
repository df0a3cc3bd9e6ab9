package org.ovsqos.ovsdb.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.BooleanAtom;
import org.ovsqos.ovsdb.notation.IntegerAtom;
import org.ovsqos.ovsdb.notation.NotationJson;
import org.ovsqos.ovsdb.notation.OvsdbSet;
import org.ovsqos.ovsdb.notation.RealAtom;
import org.ovsqos.ovsdb.notation.StringAtom;

/**
 * Writes a schema as {@code <database-schema>} JSON (RFC 7047 section 3.2) in the form
 * ovsdb-server's {@code get_schema} uses: every member left out where it has its default, the
 * short forms {@code "integer"} for unconstrained types, {@code isRoot} only when some table is not
 * a root table, enumerations sorted. What {@link SchemaParser} reads back is equal to the schema
 * written.
 */
final class SchemaJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SchemaJson() {
    }

    static ObjectNode toJson(DatabaseSchema schema) {
        ObjectNode json = JSON.objectNode().put("name", schema.name());
        if (!schema.version().isEmpty()) {
            json.put("version", schema.version());
        }
        schema.cksum().ifPresent(c -> json.put("cksum", c));
        // An older reader takes a schema that marks no root table as all-root: say nothing then.
        boolean allRoot = schema.tables().values().stream().allMatch(TableSchema::isRoot);
        ObjectNode tables = json.putObject("tables");
        schema.tables().forEach((name, table) -> tables.set(name, table(table, allRoot)));
        return json;
    }

    private static ObjectNode table(TableSchema table, boolean allRoot) {
        ObjectNode json = JSON.objectNode();
        ObjectNode columns = json.putObject("columns");
        table.declaredColumns().forEach((name, column) -> columns.set(name, column(column)));
        if (!table.mutable()) {
            json.put("mutable", false);
        }
        table.maxRows().ifPresent(max -> json.set("maxRows", number(max)));
        if (!allRoot && table.isRoot()) {
            json.put("isRoot", true);
        }
        if (!table.indexes().isEmpty()) {
            var indexes = json.putArray("indexes");
            for (var index : table.indexes()) {
                var names = indexes.addArray();
                index.forEach(names::add);
            }
        }
        return json;
    }

    private static ObjectNode column(ColumnSchema column) {
        ObjectNode json = JSON.objectNode().set("type", type(column.type()));
        if (column.ephemeral()) {
            json.put("ephemeral", true);
        }
        if (!column.mutable()) {
            json.put("mutable", false);
        }
        return json;
    }

    private static JsonNode type(ColumnType type) {
        if (type.isScalar() && !hasConstraints(type.key())) {
            return JSON.textNode(type.key().type().jsonName());
        }
        ObjectNode json = JSON.objectNode().set("key", base(type.key()));
        type.value().ifPresent(v -> json.set("value", base(v)));
        if (type.min() != 1) {
            json.put("min", type.min());
        }
        if (type.isUnlimited()) {
            json.put("max", "unlimited");
        } else if (type.max() != 1) {
            json.set("max", number(type.max()));
        }
        return json;
    }

    /** The set in ovsdb-server's order, which keeps every set sorted (ovsdb_atom_compare_3way). */
    private static OvsdbSet sorted(OvsdbSet set) {
        return OvsdbSet.copyOf(set.elements().stream().sorted(SchemaJson::compare).toList());
    }

    private static int compare(Atom a, Atom b) {
        if (a instanceof IntegerAtom x && b instanceof IntegerAtom y) {
            return Long.compare(x.value(), y.value());
        } else if (a instanceof RealAtom x && b instanceof RealAtom y) {
            return Double.compare(x.value(), y.value());
        } else if (a instanceof BooleanAtom x && b instanceof BooleanAtom y) {
            return Boolean.compare(x.value(), y.value());
        } else if (a instanceof StringAtom x && b instanceof StringAtom y) {
            // strcmp of UTF-8, which orders as code points do.
            return Arrays.compare(x.value().codePoints().toArray(), y.value().codePoints().toArray());
        }
        return 0; // UUIDs: an enum of them is no use; keep the schema's order
    }

    /** An int node where the value fits, as a parser would produce, so trees compare equal. */
    private static JsonNode number(long value) {
        return value == (int) value ? JSON.numberNode((int) value) : JSON.numberNode(value);
    }

    private static boolean hasConstraints(BaseType base) {
        return !base.equals(BaseType.of(base.type()));
    }

    private static JsonNode base(BaseType base) {
        if (!hasConstraints(base)) {
            return JSON.textNode(base.type().jsonName());
        }
        ObjectNode json = JSON.objectNode().put("type", base.type().jsonName());
        base.enumeration().ifPresent(e -> json.set("enum", e.size() == 1
                ? NotationJson.toJson(e.elements().iterator().next()) : NotationJson.toJson(sorted(e))));
        if (base.minInteger() != Long.MIN_VALUE) {
            json.set("minInteger", number(base.minInteger()));
        }
        if (base.maxInteger() != Long.MAX_VALUE) {
            json.set("maxInteger", number(base.maxInteger()));
        }
        if (base.minReal() != -Double.MAX_VALUE) {
            json.put("minReal", base.minReal());
        }
        if (base.maxReal() != Double.MAX_VALUE) {
            json.put("maxReal", base.maxReal());
        }
        if (base.minLength() != 0) {
            json.set("minLength", number(base.minLength()));
        }
        if (base.maxLength() != Long.MAX_VALUE) {
            json.set("maxLength", number(base.maxLength()));
        }
        base.refTable().ifPresent(ref -> {
            json.put("refTable", ref);
            if (base.refType() == RefType.WEAK) {
                json.put("refType", "weak");
            }
        });
        return json;
    }
}
