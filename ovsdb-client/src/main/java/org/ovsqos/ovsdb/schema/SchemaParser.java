package org.ovsqos.ovsdb.schema;

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
 * Reads {@code <database-schema>} JSON (RFC 7047 section 3.2). Every error names where it was
 * found ({@code table Interface column statistics: ...}), since a schema has hundreds of columns.
 */
final class SchemaParser {
    private static final Pattern ID = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]*");

    private SchemaParser() {
    }

    static DatabaseSchema parse(JsonNode json) {
        requireObject(json, "database schema");
        String name = requireId(json, "name", "database schema");
        String where = "schema " + name;
        String version = optionalString(json, "version", where).orElse("");
        Optional<String> cksum = optionalString(json, "cksum", where);
        JsonNode tablesJson = json.get("tables");
        requireObject(tablesJson, where + ": tables");

        var tables = new LinkedHashMap<String, TableSchema>();
        var declaredRoot = new LinkedHashMap<String, Boolean>();
        for (Map.Entry<String, JsonNode> e : tablesJson.properties()) {
            String table = e.getKey();
            if (!ID.matcher(table).matches() || table.startsWith("_")) {
                throw error(where + ": table name " + quote(table) + " is not a valid identifier");
            }
            tables.put(table, parseTable(table, e.getValue(), where + " table " + table));
            declaredRoot.put(table, tables.get(table).isRoot());
        }
        // RFC 7047 section 3.2: a schema that marks no table as root predates isRoot, and then
        // every table is a root table.
        if (!declaredRoot.containsValue(true)) {
            tables.replaceAll((n, t) -> new TableSchema(t.name(), t.columns(), t.maxRows(), true, t.indexes()));
        }
        try {
            return new DatabaseSchema(name, version, cksum, tables);
        } catch (IllegalArgumentException ex) {
            throw error(where + " " + ex.getMessage(), ex);
        }
    }

    private static TableSchema parseTable(String table, JsonNode json, String where) {
        requireObject(json, where);
        JsonNode columnsJson = json.get("columns");
        requireObject(columnsJson, where + ": columns");
        var columns = new LinkedHashMap<String, ColumnSchema>();
        for (Map.Entry<String, JsonNode> e : columnsJson.properties()) {
            String column = e.getKey();
            String at = where + " column " + column;
            if (!ID.matcher(column).matches()) {
                throw error(at + ": not a valid identifier");
            }
            if (column.startsWith("_")) {
                throw error(at + ": names beginning with _ are reserved");
            }
            columns.put(column, parseColumn(column, e.getValue(), at));
        }
        OptionalLong maxRows = OptionalLong.empty();
        if (json.has("maxRows")) {
            maxRows = OptionalLong.of(requireLong(json.get("maxRows"), where + ": maxRows"));
        }
        boolean isRoot = optionalBoolean(json, "isRoot", where).orElse(false);
        List<List<String>> indexes = new ArrayList<>();
        JsonNode indexesJson = json.get("indexes");
        if (indexesJson != null) {
            if (!indexesJson.isArray()) {
                throw error(where + ": indexes is not an array");
            }
            for (JsonNode index : indexesJson) {
                if (!index.isArray()) {
                    throw error(where + ": index " + index + " is not an array of column names");
                }
                List<String> names = new ArrayList<>();
                index.forEach(n -> {
                    if (!n.isTextual()) {
                        throw error(where + ": index " + index + " is not an array of column names");
                    }
                    names.add(n.asText());
                });
                indexes.add(names);
            }
        }
        try {
            return new TableSchema(table, columns, maxRows, isRoot, indexes);
        } catch (IllegalArgumentException ex) {
            throw error(where + ": " + ex.getMessage(), ex);
        }
    }

    private static ColumnSchema parseColumn(String column, JsonNode json, String where) {
        requireObject(json, where);
        JsonNode typeJson = json.get("type");
        if (typeJson == null) {
            throw error(where + ": type is missing");
        }
        ColumnType type = parseType(typeJson, where);
        boolean ephemeral = optionalBoolean(json, "ephemeral", where).orElse(false);
        boolean mutable = optionalBoolean(json, "mutable", where).orElse(true);
        return new ColumnSchema(column, type, ephemeral, mutable);
    }

    private static ColumnType parseType(JsonNode json, String where) {
        if (json.isTextual()) {
            return ColumnType.scalar(BaseType.of(atomicType(json, where)));
        }
        requireObject(json, where + ": type");
        JsonNode keyJson = json.get("key");
        if (keyJson == null) {
            throw error(where + ": type has no key");
        }
        BaseType key = parseBaseType(keyJson, where + ": key");
        Optional<BaseType> value = json.has("value")
                ? Optional.of(parseBaseType(json.get("value"), where + ": value"))
                : Optional.empty();
        long min = json.has("min") ? requireLong(json.get("min"), where + ": min") : 1;
        long max = 1;
        JsonNode maxJson = json.get("max");
        if (maxJson != null) {
            if (maxJson.isTextual() && maxJson.asText().equals("unlimited")) {
                max = ColumnType.UNLIMITED;
            } else if (maxJson.isTextual()) {
                throw error(where + ": max is neither an integer nor unlimited: " + maxJson);
            } else {
                max = requireLong(maxJson, where + ": max");
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

    private static BaseType parseBaseType(JsonNode json, String where) {
        if (json.isTextual()) {
            return BaseType.of(atomicType(json, where));
        }
        requireObject(json, where);
        JsonNode typeJson = json.get("type");
        if (typeJson == null) {
            throw error(where + ": type is missing");
        }
        AtomicType type = atomicType(typeJson, where);
        BaseType base = BaseType.of(type);
        try {
            if (json.has("minInteger") || json.has("maxInteger")) {
                onlyFor(type, AtomicType.INTEGER, "minInteger/maxInteger", where);
                base = base.withIntegerRange(
                        json.has("minInteger") ? requireLong(json.get("minInteger"), where + ": minInteger") : Long.MIN_VALUE,
                        json.has("maxInteger") ? requireLong(json.get("maxInteger"), where + ": maxInteger") : Long.MAX_VALUE);
            }
            if (json.has("minReal") || json.has("maxReal")) {
                onlyFor(type, AtomicType.REAL, "minReal/maxReal", where);
                base = base.withRealRange(
                        json.has("minReal") ? requireDouble(json.get("minReal"), where + ": minReal") : -Double.MAX_VALUE,
                        json.has("maxReal") ? requireDouble(json.get("maxReal"), where + ": maxReal") : Double.MAX_VALUE);
            }
            if (json.has("minLength") || json.has("maxLength")) {
                onlyFor(type, AtomicType.STRING, "minLength/maxLength", where);
                base = base.withLengthRange(
                        json.has("minLength") ? requireLong(json.get("minLength"), where + ": minLength") : 0,
                        json.has("maxLength") ? requireLong(json.get("maxLength"), where + ": maxLength") : Long.MAX_VALUE);
            }
            if (json.has("refTable")) {
                onlyFor(type, AtomicType.UUID, "refTable", where);
                String refTable = requireId(json, "refTable", where);
                RefType refType = RefType.STRONG;
                if (json.has("refType")) {
                    String rt = optionalString(json, "refType", where).orElseThrow();
                    refType = switch (rt) {
                        case "strong" -> RefType.STRONG;
                        case "weak" -> RefType.WEAK;
                        default -> throw error(where + ": refType must be \"strong\" or \"weak\", got " + quote(rt));
                    };
                }
                base = BaseType.reference(refTable, refType);
            } else if (json.has("refType")) {
                throw error(where + ": refType without refTable");
            }
            if (json.has("enum")) {
                base = base.withEnumeration(parseEnum(json.get("enum"), base, where + ": enum"));
            }
            return base;
        } catch (IllegalArgumentException ex) {
            throw error(where + ": " + ex.getMessage(), ex);
        }
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

    private static void onlyFor(AtomicType actual, AtomicType expected, String what, String where) {
        if (actual != expected) {
            throw error(where + ": " + what + " applies only to " + expected + ", not " + actual);
        }
    }

    private static AtomicType atomicType(JsonNode json, String where) {
        if (!json.isTextual()) {
            throw error(where + ": atomic type " + json + " is not a string");
        }
        return AtomicType.fromJsonName(json.asText())
                .orElseThrow(() -> error(where + ": unknown atomic type " + json));
    }

    private static void requireObject(JsonNode json, String where) {
        if (json == null || !json.isObject()) {
            throw error(where + ": expected a JSON object, got " + (json == null ? "nothing" : json.getNodeType()));
        }
    }

    private static String requireId(JsonNode json, String member, String where) {
        JsonNode n = json.get(member);
        if (n == null || !n.isTextual() || !ID.matcher(n.asText()).matches()) {
            throw error(where + ": " + member + " is missing or not an identifier: " + n);
        }
        return n.asText();
    }

    private static Optional<String> optionalString(JsonNode json, String member, String where) {
        JsonNode n = json.get(member);
        if (n == null) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            throw error(where + ": " + member + " is not a string: " + n);
        }
        return Optional.of(n.asText());
    }

    private static Optional<Boolean> optionalBoolean(JsonNode json, String member, String where) {
        JsonNode n = json.get(member);
        if (n == null) {
            return Optional.empty();
        }
        if (!n.isBoolean()) {
            throw error(where + ": " + member + " is not a boolean: " + n);
        }
        return Optional.of(n.asBoolean());
    }

    private static long requireLong(JsonNode n, String where) {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw error(where + " is not a 64-bit integer: " + n);
        }
        return n.asLong();
    }

    private static double requireDouble(JsonNode n, String where) {
        if (!n.isNumber()) {
            throw error(where + " is not a number: " + n);
        }
        return n.asDouble();
    }

    private static String quote(String s) {
        return '"' + s + '"';
    }

    private static OvsdbProtocolException error(String message) {
        return new OvsdbProtocolException(message);
    }

    private static OvsdbProtocolException error(String message, Throwable cause) {
        return new OvsdbProtocolException(message, cause);
    }
}
