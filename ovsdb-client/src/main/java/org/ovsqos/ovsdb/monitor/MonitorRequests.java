package org.ovsqos.ovsdb.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ovsqos.ovsdb.OvsdbProtocolException;

/**
 * The params of the monitor methods: {@code monitor} (RFC 7047 section 4.1.5) and the Open vSwitch
 * extensions {@code monitor_cond}, {@code monitor_cond_change} and {@code monitor_cond_since}
 * (ovsdb-server(7) sections 4.1.12, 4.1.13 and 4.1.15).
 *
 * <p>RFC 7047 maps each table to an array of requests, each with its own columns and
 * {@link MonitorSelect}; this class always writes that array. Several requests of one table must
 * name their columns (an empty list means every column) and no column twice, or ovsdb-server
 * refuses the monitor ("column mentioned more than once"). A table has one {@link Where}: the
 * server applies the {@code where} of a table's first request and ignores the others', so the
 * requests of a table may give one {@code where} between them (the rest {@link Where#ALL}), which
 * is written on the first.
 */
public final class MonitorRequests {
    /** The {@code last-txn-id} that asks {@code monitor_cond_since} for everything. */
    public static final UUID NO_TXN_ID = new UUID(0, 0);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private MonitorRequests() {
    }

    /**
     * {@code [<db-name>, <json-value>, <monitor-requests>]}.
     *
     * @throws IllegalArgumentException if a request has a {@code where}, which {@code monitor}
     *     cannot express, or the requests of a table overlap
     */
    public static ArrayNode monitorParams(String database, JsonNode monitorId,
            Map<String, List<MonitorRequest>> requests) {
        requests.forEach((table, list) -> list.forEach(request -> {
            if (request.isConditional()) {
                throw new IllegalArgumentException("monitor cannot filter rows of " + table + "; use monitor_cond");
            }
        }));
        return JSON.arrayNode().add(database).add(monitorId.deepCopy()).add(tables(requests));
    }

    /**
     * {@code [<db-name>, <json-value>, <monitor-cond-requests>]}.
     *
     * @throws IllegalArgumentException if the requests of a table overlap or disagree on the where
     */
    public static ArrayNode monitorCondParams(String database, JsonNode monitorId,
            Map<String, List<MonitorRequest>> requests) {
        return JSON.arrayNode().add(database).add(monitorId.deepCopy()).add(tables(requests));
    }

    /**
     * {@code [<db-name>, <json-value>, <monitor-cond-requests>, <last-txn-id>]}; without a
     * transaction id, the all-zero UUID asks for the whole content.
     */
    public static ArrayNode monitorCondSinceParams(String database, JsonNode monitorId,
            Map<String, List<MonitorRequest>> requests, Optional<UUID> lastTxnId) {
        return monitorCondParams(database, monitorId, requests).add(lastTxnId.orElse(NO_TXN_ID).toString());
    }

    /**
     * {@code [<json-value>, <json-value>, <monitor-cond-update-requests>]}: new conditions for the
     * listed tables of an existing conditional monitor; the others keep theirs. The {@code where}
     * is always explicit ({@code [true]} for every row), since an absent one would keep the old.
     */
    public static ArrayNode monitorCondChangeParams(JsonNode monitorId, JsonNode newMonitorId, Map<String, Where> wheres) {
        ObjectNode tables = JSON.objectNode();
        wheres.forEach((table, where) -> {
            ObjectNode request = JSON.objectNode();
            request.set("where", where.toJson());
            tables.set(table, JSON.arrayNode().add(request));
        });
        return JSON.arrayNode().add(monitorId.deepCopy()).add(newMonitorId.deepCopy()).add(tables);
    }

    /**
     * Reads {@code <monitor-requests>} or {@code <monitor-cond-requests>}: table name to an array
     * of request objects, or one request object, which ovsdb-server still accepts. Every request of
     * a table gets the table's where, the first request's.
     *
     * @throws OvsdbProtocolException if malformed: a member a request does not have, requests of a
     *     table that overlap, or a later request whose where the server would ignore
     */
    public static Map<String, List<MonitorRequest>> fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new OvsdbProtocolException("monitor requests: expected a JSON object, got " + json);
        }
        var requests = new LinkedHashMap<String, List<MonitorRequest>>();
        json.properties().forEach(e -> {
            String table = e.getKey();
            JsonNode array = e.getValue().isArray() ? e.getValue() : JSON.arrayNode().add(e.getValue());
            List<MonitorRequest> list = new ArrayList<>();
            array.forEach(request -> list.add(requestFromJson(table, request)));
            Where where = list.isEmpty() ? Where.ALL : list.get(0).where();
            for (int i = 1; i < list.size(); i++) {
                if (array.get(i).has("where") && !list.get(i).where().equals(where)) {
                    throw new OvsdbProtocolException("monitor requests: table " + table + ": only the first"
                            + " request's where counts, and request " + i + " has another: " + list.get(i).where());
                }
            }
            try {
                requests.put(table, checked(table, list.stream().map(r -> r.withWhere(where)).toList()));
            } catch (IllegalArgumentException ex) {
                throw new OvsdbProtocolException("monitor requests: " + ex.getMessage(), ex);
            }
        });
        return Collections.unmodifiableMap(requests);
    }

    private static ObjectNode tables(Map<String, List<MonitorRequest>> requests) {
        ObjectNode tables = JSON.objectNode();
        requests.forEach((table, list) -> {
            List<MonitorRequest> checked = checked(table, list);
            Where where = tableWhere(table, checked);
            ArrayNode array = tables.putArray(table);
            for (int i = 0; i < checked.size(); i++) {
                array.add(requestJson(checked.get(i), i == 0 ? where : Where.ALL));
            }
        });
        return tables;
    }

    /** The requests of one table, if ovsdb-server can merge them into one table monitor. */
    private static List<MonitorRequest> checked(String table, List<MonitorRequest> list) {
        List<MonitorRequest> requests = List.copyOf(list);
        if (requests.size() > 1) {
            var seen = new HashSet<String>();
            for (MonitorRequest r : requests) {
                if (r.columns().isEmpty()) {
                    throw new IllegalArgumentException("table " + table + " has " + requests.size()
                            + " requests, so each must name its columns (none means all of them)");
                }
                for (String column : r.columns()) {
                    if (!seen.add(column)) {
                        throw new IllegalArgumentException("table " + table + ": column " + column
                                + " is in two requests");
                    }
                }
            }
        }
        return requests;
    }

    private static Where tableWhere(String table, List<MonitorRequest> requests) {
        List<Where> wheres = requests.stream().map(MonitorRequest::where).filter(w -> !w.matchAll()).distinct()
                .toList();
        if (wheres.size() > 1) {
            throw new IllegalArgumentException("table " + table + " has one where, but its requests give "
                    + wheres.size() + ": " + wheres);
        }
        return wheres.isEmpty() ? Where.ALL : wheres.get(0);
    }

    private static ObjectNode requestJson(MonitorRequest request, Where where) {
        ObjectNode json = JSON.objectNode();
        if (!request.columns().isEmpty()) {
            ArrayNode columns = json.putArray("columns");
            request.columns().forEach(columns::add);
        }
        if (!where.matchAll()) {
            json.set("where", where.toJson());
        }
        MonitorSelect select = request.select();
        if (!select.isAll()) {
            json.putObject("select")
                    .put("initial", select.initial())
                    .put("insert", select.insert())
                    .put("delete", select.delete())
                    .put("modify", select.modify());
        }
        return json;
    }

    private static MonitorRequest requestFromJson(String table, JsonNode json) {
        String where = "monitor requests: table " + table;
        if (!json.isObject()) {
            throw new OvsdbProtocolException(where + ": expected a JSON object, got " + json.getNodeType());
        }
        onlyMembers(json, where, "columns", "select", "where");
        List<String> columns = new ArrayList<>();
        JsonNode columnsJson = json.get("columns");
        if (columnsJson != null) {
            if (!columnsJson.isArray()) {
                throw new OvsdbProtocolException(where + ": columns is not an array");
            }
            for (JsonNode c : columnsJson) {
                if (!c.isTextual()) {
                    throw new OvsdbProtocolException(where + ": column name is not a string: " + c);
                }
                columns.add(c.textValue());
            }
        }
        MonitorSelect select = MonitorSelect.ALL;
        JsonNode selectJson = json.get("select");
        if (selectJson != null) {
            if (!selectJson.isObject()) {
                throw new OvsdbProtocolException(where + ": select is not an object");
            }
            onlyMembers(selectJson, where + ": select", "initial", "insert", "delete", "modify");
            select = new MonitorSelect(flag(selectJson, "initial", where), flag(selectJson, "insert", where),
                    flag(selectJson, "delete", where), flag(selectJson, "modify", where));
        }
        Where rows = json.has("where") ? whereFromJson(json.get("where"), where) : Where.ALL;
        try {
            return new MonitorRequest(columns, select, rows);
        } catch (IllegalArgumentException e) {
            throw new OvsdbProtocolException(where + ": " + e.getMessage(), e);
        }
    }

    private static Where whereFromJson(JsonNode json, String where) {
        try {
            return Where.fromJson(json);
        } catch (OvsdbProtocolException e) {
            throw new OvsdbProtocolException(where + ": " + e.getMessage(), e);
        }
    }

    /** As ovsdb-server does, refuses a member it would not read, rather than dropping it. */
    private static void onlyMembers(JsonNode json, String where, String... known) {
        Set<String> allowed = Set.of(known);
        json.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw new OvsdbProtocolException(where + ": unknown member \"" + name + "\"");
            }
        });
    }

    private static boolean flag(JsonNode select, String member, String where) {
        JsonNode n = select.get(member);
        if (n == null) {
            return true;
        }
        if (!n.isBoolean()) {
            throw new OvsdbProtocolException(where + ": select " + member + " is not a boolean: " + n);
        }
        return n.booleanValue();
    }
}
