package org.ovsqos.ovsdb.schema;

import static org.ovsqos.ovsdb.schema.SchemaMembers.error;
import static org.ovsqos.ovsdb.schema.SchemaMembers.requireLong;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.NotationJson;
import org.ovsqos.ovsdb.notation.OvsdbSet;
import org.ovsqos.ovsdb.notation.Value;

/**
 * Reads {@code <database-schema>} JSON (RFC 7047 section 3.2) with the rules of ovsdb-server 3.x,
 * no laxer and no stricter: a member it does not know is an error, as it is for the server. Every
 * error names where it was found ({@code table Interface column statistics: ...}), since a schema
 * has hundreds of columns.
 */
final class SchemaParser {
    /**
     * ovsdb-server reads a version with {@code ovs_scan(s, "%u.%u.%u%n")}: three decimal numbers
     * with dots between, each of which may have leading white space and a sign, and nothing after.
     */
    private static final Pattern VERSION = Pattern.compile("(?:\\s*[+-]?[0-9]+\\.){2}\\s*[+-]?[0-9]+");
    /** The largest element count and string length ovsdb-server's unsigned ints hold. */
    private static final long UINT_MAX = 0xFFFF_FFFFL;

    private SchemaParser() {
    }

    static DatabaseSchema parse(JsonNode json) {
        String name = new SchemaMembers(json, "database schema").id("name");
        var m = new SchemaMembers(json, "schema " + name);
        m.id("name");
        String where = m.where();
        String version = m.optionalString("version").orElse("");
        if (m.has("version") && !VERSION.matcher(version).matches()) {
            throw error(where + ": version \"" + version + "\" is not in the format x.y.z");
        }
        Optional<String> cksum = m.optionalString("cksum");
        JsonNode tablesJson = m.object("tables");
        m.rejectOthers();

        var tables = new LinkedHashMap<String, TableSchema>();
        for (Map.Entry<String, JsonNode> e : tablesJson.properties()) {
            String table = e.getKey();
            if (!SchemaMembers.ID.matcher(table).matches() || table.startsWith("_")) {
                throw error(where + ": table name \"" + table + "\" is not a valid identifier");
            }
            tables.put(table, parseTable(table, e.getValue(), where + " table " + table));
        }
        // RFC 7047 section 3.2: a schema that marks no table as root predates isRoot, and then
        // every table is a root table.
        if (tables.values().stream().noneMatch(TableSchema::isRoot)) {
            tables.replaceAll((n, t) -> t.withRoot(true));
        }
        tables.replaceAll((n, t) -> persistStrongReferences(t, tables));
        try {
            return new DatabaseSchema(name, version, cksum, tables);
        } catch (IllegalArgumentException ex) {
            throw error(where + " " + ex.getMessage(), ex);
        }
    }

    /**
     * ovsdb-server makes a strong reference to a non-root table persistent, whatever the schema
     * says: replaying the log without it would delete the rows it keeps alive.
     */
    private static TableSchema persistStrongReferences(TableSchema t, Map<String, TableSchema> tables) {
        var columns = new LinkedHashMap<String, ColumnSchema>();
        t.columns().forEach((n, c) -> columns.put(n, c.ephemeral() && (keepsAlive(c.type().key(), tables)
                || c.type().value().filter(v -> keepsAlive(v, tables)).isPresent())
                ? new ColumnSchema(n, c.type(), false, c.mutable()) : c));
        return t.withColumns(columns);
    }

    private static boolean keepsAlive(BaseType base, Map<String, TableSchema> tables) {
        return base.refType() == RefType.STRONG && base.refTable().map(tables::get)
                .filter(ref -> !ref.isRoot()).isPresent();
    }

    private static TableSchema parseTable(String table, JsonNode json, String where) {
        var m = new SchemaMembers(json, where);
        JsonNode columnsJson = m.object("columns");
        boolean mutable = m.optionalBoolean("mutable").orElse(true);
        OptionalLong maxRows = m.optionalLong("maxRows");
        boolean isRoot = m.optionalBoolean("isRoot").orElse(false);
        JsonNode indexesJson = m.get("indexes");
        m.rejectOthers();

        var columns = new LinkedHashMap<String, ColumnSchema>();
        for (Map.Entry<String, JsonNode> e : columnsJson.properties()) {
            String column = e.getKey();
            String at = where + " column " + column;
            if (column.startsWith("_")) {
                throw error(at + ": names beginning with _ are reserved");
            }
            if (!SchemaMembers.ID.matcher(column).matches()) {
                throw error(at + ": not a valid identifier");
            }
            columns.put(column, parseColumn(column, e.getValue(), at));
        }
        List<List<String>> indexes = new ArrayList<>();
        if (indexesJson != null) {
            if (!indexesJson.isArray()) {
                throw error(where + ": indexes is not an array");
            }
            for (JsonNode index : indexesJson) {
                List<String> names = new ArrayList<>();
                if (index.isArray()) {
                    index.forEach(n -> names.add(n.isTextual() ? n.asText() : null));
                }
                if (!index.isArray() || names.contains(null)) {
                    throw error(where + ": index " + index + " is not an array of column names");
                }
                indexes.add(names);
            }
        }
        try {
            return new TableSchema(table, columns, maxRows, isRoot, indexes, mutable);
        } catch (IllegalArgumentException ex) {
            throw error(where + ": " + ex.getMessage(), ex);
        }
    }

    private static ColumnSchema parseColumn(String column, JsonNode json, String where) {
        var m = new SchemaMembers(json, where);
        JsonNode typeJson = m.get("type");
        boolean ephemeral = m.optionalBoolean("ephemeral").orElse(false);
        boolean mutable = m.optionalBoolean("mutable").orElse(true);
        m.rejectOthers();
        if (typeJson == null) {
            throw error(where + ": type is missing");
        }
        return new ColumnSchema(column, parseType(typeJson, where), ephemeral, mutable);
    }

    private static ColumnType parseType(JsonNode json, String where) {
        if (json.isTextual()) {
            return ColumnType.scalar(BaseType.of(atomicType(json, where)));
        }
        var m = new SchemaMembers(json, where + ": type");
        JsonNode keyJson = m.get("key");
        JsonNode valueJson = m.get("value");
        JsonNode minJson = m.get("min");
        JsonNode maxJson = m.get("max");
        m.rejectOthers();
        if (keyJson == null) {
            throw error(where + ": type has no key");
        }
        BaseType key = parseBaseType(keyJson, where + ": key");
        Optional<BaseType> value = valueJson == null
                ? Optional.empty() : Optional.of(parseBaseType(valueJson, where + ": value"));
        long min = minJson == null ? 1 : count(minJson, where + ": min");
        long max = 1;
        if (maxJson != null) {
            if (maxJson.isTextual() && maxJson.asText().equals("unlimited")) {
                max = ColumnType.UNLIMITED;
            } else if (maxJson.isTextual()) {
                throw error(where + ": max is neither an integer nor unlimited: " + maxJson);
            } else {
                max = count(maxJson, where + ": max");
            }
        }
        if (min != 0 && min != 1) {
            throw error(where + ": min must be 0 or 1, got " + min);
        }
        try {
            return new ColumnType(key, value, (int) min, max);
        } catch (IllegalArgumentException ex) {
            throw error(where + ": " + ex.getMessage(), ex);
        }
    }

    /** A {@code min} or {@code max}: ovsdb-server keeps them in an unsigned int, below UINT_MAX. */
    private static long count(JsonNode json, String where) {
        long n = requireLong(json, where);
        if (n < 0 || n >= UINT_MAX) {
            throw error(where + " must be between 0 and " + (UINT_MAX - 1) + ", got " + n);
        }
        return n;
    }

    private static BaseType parseBaseType(JsonNode json, String where) {
        if (json.isTextual()) {
            return BaseType.of(atomicType(json, where));
        }
        var m = new SchemaMembers(json, where);
        JsonNode typeJson = m.get("type");
        if (typeJson == null) {
            throw error(where + ": type is missing");
        }
        AtomicType type = atomicType(typeJson, where);
        BaseType base = BaseType.of(type);
        JsonNode enumJson = m.get("enum");
        try {
            if (json.has("minInteger") || json.has("maxInteger")) {
                applicable(type, AtomicType.INTEGER, enumJson, "minInteger/maxInteger", where);
                base = base.withIntegerRange(m.optionalLong("minInteger").orElse(Long.MIN_VALUE),
                        m.optionalLong("maxInteger").orElse(Long.MAX_VALUE));
            }
            if (json.has("minReal") || json.has("maxReal")) {
                applicable(type, AtomicType.REAL, enumJson, "minReal/maxReal", where);
                base = base.withRealRange(real(m.get("minReal"), -Double.MAX_VALUE, where + ": minReal"),
                        real(m.get("maxReal"), Double.MAX_VALUE, where + ": maxReal"));
            }
            if (json.has("minLength") || json.has("maxLength")) {
                applicable(type, AtomicType.STRING, enumJson, "minLength/maxLength", where);
                base = base.withLengthRange(length(m, "minLength", 0), length(m, "maxLength", Long.MAX_VALUE));
            }
            if (json.has("refTable")) {
                applicable(type, AtomicType.UUID, enumJson, "refTable", where);
                base = BaseType.reference(m.id("refTable"), refType(m, where));
            } else if (json.has("refType")) {
                throw error(where + ": refType without refTable");
            }
            if (enumJson != null) {
                base = base.withEnumeration(parseEnum(enumJson, base, where + ": enum"));
            }
        } catch (IllegalArgumentException ex) {
            throw error(where + ": " + ex.getMessage(), ex);
        }
        m.rejectOthers();
        return base;
    }

    /** ovsdb-server reads a constraint only for its atomic type, and none beside an enum. */
    private static void applicable(AtomicType actual, AtomicType expected, JsonNode enumJson, String what,
            String where) {
        if (actual != expected) {
            throw error(where + ": " + what + " applies only to " + expected + ", not " + actual);
        }
        if (enumJson != null) {
            throw error(where + ": " + what + " is not allowed beside an enum");
        }
    }

    private static RefType refType(SchemaMembers m, String where) {
        String rt = m.optionalString("refType").orElse("strong");
        return switch (rt) {
            case "strong" -> RefType.STRONG;
            case "weak" -> RefType.WEAK;
            default -> throw error(where + ": refType must be \"strong\" or \"weak\", got \"" + rt + '"');
        };
    }

    private static long length(SchemaMembers m, String member, long absent) {
        OptionalLong n = m.optionalLong(member);
        if (n.isPresent() && (n.getAsLong() < 0 || n.getAsLong() > UINT_MAX)) {
            throw error(m.where() + ": " + member + " must be between 0 and " + UINT_MAX + ", got " + n.getAsLong());
        }
        return n.orElse(absent);
    }

    private static double real(JsonNode n, double absent, String where) {
        if (n == null) {
            return absent;
        }
        if (!n.isNumber()) {
            throw error(where + " is not a number: " + n);
        }
        return n.asDouble();
    }

    private static OvsdbSet parseEnum(JsonNode json, BaseType base, String where) {
        Value v;
        try {
            v = NotationJson.valueFromJson(json);
        } catch (OvsdbProtocolException ex) {
            throw error(where + ": " + ex.getMessage(), ex);
        }
        OvsdbSet raw;
        if (v instanceof Atom a) {
            raw = OvsdbSet.of(a);
        } else if (v instanceof OvsdbSet s) {
            raw = s;
        } else {
            throw error(where + ": expected an atom or a set, got " + json);
        }
        var elements = new ArrayList<Atom>();
        for (Atom a : raw.elements()) {
            try {
                elements.add(base.normalize(a));
            } catch (OvsdbProtocolException ex) {
                throw error(where + ": " + ex.getMessage(), ex);
            }
        }
        return OvsdbSet.copyOf(elements);
    }

    private static AtomicType atomicType(JsonNode json, String where) {
        if (!json.isTextual()) {
            throw error(where + ": atomic type " + json + " is not a string");
        }
        return AtomicType.fromJsonName(json.asText())
                .orElseThrow(() -> error(where + ": unknown atomic type " + json));
    }
}
