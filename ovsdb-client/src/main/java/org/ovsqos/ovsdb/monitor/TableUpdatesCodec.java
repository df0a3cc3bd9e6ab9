package org.ovsqos.ovsdb.monitor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.notation.NotationJson;
import org.ovsqos.ovsdb.notation.NotationStreamReader;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.notation.UuidAtom;

/**
 * {@code <table-updates>} and {@code <table-updates2>} to and from JSON. Errors name the table and
 * row, since one bad row in an update of thousands must be findable in a log.
 */
final class TableUpdatesCodec {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TableUpdatesCodec() {
    }

    /** RFC 7047 section 4.1.6; {@code reply} for the result of {@code monitor}, which only holds initial rows. */
    static TableUpdates parseV1(JsonNode json, boolean reply) {
        String what = reply ? "monitor reply" : "update";
        return parse(json, what, (rowJson, at) -> {
            requireObject(rowJson, what, at);
            JsonNode oldJson = rowJson.get("old");
            JsonNode newJson = rowJson.get("new");
            Row old = oldJson == null ? null : NotationJson.decodeRow(oldJson, () -> at.get() + "/old");
            Row row = newJson == null ? null : NotationJson.decodeRow(newJson, () -> at.get() + "/new");
            if (reply) {
                if (old != null || row == null) {
                    throw malformed(what, at.get(), "an initial row has \"new\" and no \"old\"");
                }
                return new RowUpdate.Initial(row);
            }
            if (old == null && row == null) {
                throw malformed(what, at.get(), "neither \"old\" nor \"new\"");
            }
            if (old == null) {
                return new RowUpdate.Insert(row);
            }
            return row == null ? new RowUpdate.Delete(old) : new RowUpdate.Modify(old, row);
        });
    }

    /** ovsdb-server(7) section 4.1.14: exactly one of initial, insert, delete, modify. */
    static TableUpdates parseV2(JsonNode json) {
        String what = "update2";
        return parse(json, what, (rowJson, at) -> {
            requireObject(rowJson, what, at);
            if (rowJson.size() != 1) {
                throw malformed(what, at.get(), "expected exactly one of initial, insert, delete, modify, got " + rowJson.size()
                        + " members");
            }
            Map.Entry<String, JsonNode> only = rowJson.properties().iterator().next();
            String kind = only.getKey();
            JsonNode body = only.getValue();
            Supplier<String> bodyAt = () -> at.get() + "/" + kind;
            switch (kind) {
                case "initial":
                    return new RowUpdate.Initial(NotationJson.decodeRow(body, bodyAt));
                case "insert":
                    return new RowUpdate.Insert(NotationJson.decodeRow(body, bodyAt));
                case "modify":
                    return new RowUpdate.ModifyDiff(NotationJson.decodeRow(body, bodyAt));
                case "delete":
                    // ovsdb-server sends null; tolerate an object, whose columns say nothing.
                    if (!body.isNull() && !body.isObject()) {
                        throw malformed(what, bodyAt.get(), "expected null, got " + body.getNodeType());
                    }
                    return RowUpdate.Delete.withoutColumns();
                default:
                    throw malformed(what, at.get(), "unknown row update \"" + kind + '"');
            }
        });
    }

    /**
     * {@code <table-updates2>} read from {@code parser}, whose current token is its
     * {@link JsonToken#START_OBJECT}: as {@link #parseV2} decodes the same JSON as a tree, without
     * the tree. Refuses what {@code parseV2} refuses, saying less (see {@link NotationStreamReader}).
     */
    static TableUpdates readV2(JsonParser parser) throws IOException {
        require(parser.currentToken() == JsonToken.START_OBJECT, "expected a JSON object");
        NotationStreamReader rows = new NotationStreamReader();
        var tables = new LinkedHashMap<String, TableUpdate>();
        for (String table = parser.nextFieldName(); table != null; table = parser.nextFieldName()) {
            require(!tables.containsKey(table) && parser.nextToken() == JsonToken.START_OBJECT,
                    "a table must be a JSON object, once");
            var updates = new TableUpdate.DecodedRows(16);
            for (String uuid = parser.nextFieldName(); uuid != null; uuid = parser.nextFieldName()) {
                require(UuidAtom.isUuidText(uuid), "a row must be named by its UUID");
                require(parser.nextToken() == JsonToken.START_OBJECT, "a row update must be a JSON object");
                String kind = parser.nextFieldName();
                require(kind != null, "a row update must hold one of initial, insert, delete, modify");
                parser.nextToken();
                RowUpdate update = switch (kind) {
                    case "initial" -> new RowUpdate.Initial(rows.readRow(parser));
                    case "insert" -> new RowUpdate.Insert(rows.readRow(parser));
                    case "modify" -> new RowUpdate.ModifyDiff(rows.readRow(parser));
                    case "delete" -> {
                        // As parseV2: ovsdb-server sends null; an object is tolerated and says nothing.
                        require(parser.currentToken() == JsonToken.VALUE_NULL || parser.currentToken() == JsonToken.START_OBJECT,
                                "delete must be null");
                        parser.skipChildren();
                        yield RowUpdate.Delete.withoutColumns();
                    }
                    default -> throw refused("unknown row update");
                };
                require(parser.nextToken() == JsonToken.END_OBJECT, "a row update must hold exactly one member");
                require(updates.put(UUID.fromString(uuid), update) == null, "a row updated twice in one update");
            }
            tables.put(table, new TableUpdate(updates));
        }
        return new TableUpdates(tables);
    }

    private static void require(boolean wellFormed, String rule) {
        if (!wellFormed) {
            throw refused(rule);
        }
    }

    private static OvsdbProtocolException refused(String rule) {
        return new OvsdbProtocolException("malformed update2: " + rule);
    }

    @FunctionalInterface
    private interface RowParser {
        /** {@code at} is the row's pointer, asked for only to report a problem. */
        RowUpdate parse(JsonNode rowJson, Supplier<String> at);
    }

    private static TableUpdates parse(JsonNode json, String what, RowParser rowParser) {
        requireObject(json, what, () -> "");
        var tables = new LinkedHashMap<String, TableUpdate>();
        for (Map.Entry<String, JsonNode> t : json.properties()) {
            String table = t.getKey();
            String tableAt = "/" + escape(table);
            requireObject(t.getValue(), what, () -> tableAt);
            var rows = new TableUpdate.DecodedRows(t.getValue().size());
            for (Map.Entry<String, JsonNode> r : t.getValue().properties()) {
                // Built only for an error: an update of thousands of rows must not build a string per row.
                Supplier<String> at = () -> tableAt + "/" + escape(r.getKey());
                UUID uuid = parseUuid(r.getKey(), what, at);
                try {
                    rows.put(uuid, rowParser.parse(r.getValue(), at));
                } catch (OvsdbProtocolException e) {
                    if (e.getMessage().startsWith(what + " ")) {
                        throw e;
                    }
                    throw new OvsdbProtocolException(what + " table " + table + " row " + uuid + ": " + e.getMessage(), e);
                }
            }
            tables.put(table, new TableUpdate(rows));
        }
        return new TableUpdates(tables);
    }

    static ObjectNode writeV1(TableUpdates updates) {
        return write(updates, update -> {
            ObjectNode json = JSON.objectNode();
            if (update instanceof RowUpdate.Initial i) {
                json.set("new", NotationJson.toJson(i.row()));
            } else if (update instanceof RowUpdate.Insert i) {
                json.set("new", NotationJson.toJson(i.row()));
            } else if (update instanceof RowUpdate.Modify m) {
                json.set("old", NotationJson.toJson(m.old()));
                json.set("new", NotationJson.toJson(m.row()));
            } else if (update instanceof RowUpdate.Delete d) {
                json.set("old", NotationJson.toJson(d.old()));
            } else {
                throw new IllegalArgumentException("update cannot carry an update2 diff: " + update);
            }
            return json;
        });
    }

    static ObjectNode writeV2(TableUpdates updates) {
        return write(updates, update -> {
            ObjectNode json = JSON.objectNode();
            if (update instanceof RowUpdate.Initial i) {
                json.set("initial", NotationJson.toJson(i.row()));
            } else if (update instanceof RowUpdate.Insert i) {
                json.set("insert", NotationJson.toJson(i.row()));
            } else if (update instanceof RowUpdate.ModifyDiff m) {
                json.set("modify", NotationJson.toJson(m.diff()));
            } else if (update instanceof RowUpdate.Delete) {
                json.putNull("delete");
            } else {
                throw new IllegalArgumentException("update2 cannot carry an update old/new pair: " + update);
            }
            return json;
        });
    }

    private static ObjectNode write(TableUpdates updates, java.util.function.Function<RowUpdate, ObjectNode> rowWriter) {
        ObjectNode json = JSON.objectNode();
        updates.tables().forEach((table, tableUpdate) -> {
            ObjectNode rows = json.putObject(table);
            tableUpdate.rows().forEach((uuid, update) -> rows.set(uuid.toString(), rowWriter.apply(update)));
        });
        return json;
    }

    /** A UUID in the RFC 7047 36-character form; {@link UUID#fromString} alone accepts more. */
    static UUID parseUuid(String text, String what, Supplier<String> at) {
        if (!UuidAtom.isUuidText(text)) {
            throw malformed(what, at.get(), "not a UUID: \"" + text + '"');
        }
        return UUID.fromString(text);
    }

    private static void requireObject(JsonNode json, String what, Supplier<String> at) {
        if (json == null || !json.isObject()) {
            throw malformed(what, at.get(), "expected a JSON object, got " + (json == null ? "nothing" : json.getNodeType()));
        }
    }

    static OvsdbProtocolException malformed(String what, String at, String problem) {
        return new OvsdbProtocolException(what + " at " + (at.isEmpty() ? "/" : at) + ": " + problem);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
