package org.ovsqos.ovsdb.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ovsqos.ovsdb.OvsdbProtocolException;

/**
 * The params of the monitor methods: {@code monitor} (RFC 7047 section 4.1.5) and the Open vSwitch
 * extensions {@code monitor_cond}, {@code monitor_cond_change} and {@code monitor_cond_since}
 * (ovsdb-server(7) sections 4.1.12, 4.1.13 and 4.1.15). One {@link MonitorRequest} per table.
 */
public final class MonitorRequests {
    /** The {@code last-txn-id} that asks {@code monitor_cond_since} for everything. */
    public static final UUID NO_TXN_ID = new UUID(0, 0);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private MonitorRequests() {
    }

    /**
     * {@code [<db-name>, <json-value>, <monitor-requests>]}, one request object per table.
     *
     * @throws IllegalArgumentException if a request has a {@code where}, which {@code monitor} cannot express
     */
    public static ArrayNode monitorParams(String database, JsonNode monitorId, Map<String, MonitorRequest> requests) {
        ObjectNode tables = JSON.objectNode();
        requests.forEach((table, request) -> {
            if (request.isConditional()) {
                throw new IllegalArgumentException("monitor cannot filter rows of " + table + "; use monitor_cond");
            }
            tables.set(table, requestJson(request, false));
        });
        return JSON.arrayNode().add(database).add(monitorId.deepCopy()).add(tables);
    }

    /** {@code [<db-name>, <json-value>, <monitor-cond-requests>]}. */
    public static ArrayNode monitorCondParams(String database, JsonNode monitorId, Map<String, MonitorRequest> requests) {
        return JSON.arrayNode().add(database).add(monitorId.deepCopy()).add(condRequests(requests));
    }

    /**
     * {@code [<db-name>, <json-value>, <monitor-cond-requests>, <last-txn-id>]}; without a
     * transaction id, the all-zero UUID asks for the whole content.
     */
    public static ArrayNode monitorCondSinceParams(String database, JsonNode monitorId,
            Map<String, MonitorRequest> requests, Optional<UUID> lastTxnId) {
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
     * Reads {@code <monitor-requests>} or {@code <monitor-cond-requests>}: table name to a request
     * object or an array holding one.
     *
     * @throws OvsdbProtocolException if malformed, or if a table has several requests
     */
    public static Map<String, MonitorRequest> fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new OvsdbProtocolException("monitor requests: expected a JSON object, got " + json);
        }
        var requests = new LinkedHashMap<String, MonitorRequest>();
        json.properties().forEach(e -> {
            String table = e.getKey();
            JsonNode request = e.getValue();
            if (request.isArray()) {
                if (request.size() != 1) {
                    throw new OvsdbProtocolException("monitor requests: table " + table + " has " + request.size()
                            + " requests; only one per table is supported");
                }
                request = request.get(0);
            }
            requests.put(table, requestFromJson(table, request));
        });
        return Collections.unmodifiableMap(requests);
    }

    private static ObjectNode condRequests(Map<String, MonitorRequest> requests) {
        ObjectNode tables = JSON.objectNode();
        requests.forEach((table, request) -> tables.set(table, JSON.arrayNode().add(requestJson(request, true))));
        return tables;
    }

    private static ObjectNode requestJson(MonitorRequest request, boolean conditional) {
        ObjectNode json = JSON.objectNode();
        if (!request.columns().isEmpty()) {
            ArrayNode columns = json.putArray("columns");
            request.columns().forEach(columns::add);
        }
        if (conditional && request.isConditional()) {
            json.set("where", request.where().toJson());
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
