package org.ovsqos.ovsdb.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.notation.NotationJson;
import org.ovsqos.ovsdb.notation.Row;

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
        if (!isUuidText(text)) {
            throw malformed(what, at.get(), "not a UUID: \"" + text + '"');
        }
        return UUID.fromString(text);
    }

    /** Hex digits with hyphens at 8, 13, 18 and 23: checked by hand, as a regex costs a matcher per row. */
    private static boolean isUuidText(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : Character.digit(c, 16) >= 0 && c < 128;
            if (!ok) {
                return false;
            }
        }
        return true;
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
