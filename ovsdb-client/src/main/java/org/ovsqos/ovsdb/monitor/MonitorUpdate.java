package org.ovsqos.ovsdb.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.ovsqos.ovsdb.OvsdbProtocolException;

/**
 * The params of a server's update notification: {@code update} (RFC 7047 section 4.1.6),
 * {@code update2} (ovsdb-server(7) section 4.1.14) or {@code update3} (section 4.1.16).
 *
 * @param monitorId the {@code <json-value>} the client gave when it created the monitor
 * @param lastTxnId for {@code update3}, the transaction these changes bring the client up to,
 *     which it passes to {@code monitor_cond_since} after a reconnect; empty otherwise
 * @param updates the changes, of one transaction
 */
public record MonitorUpdate(JsonNode monitorId, Optional<UUID> lastTxnId, TableUpdates updates) {

    public MonitorUpdate {
        monitorId = Objects.requireNonNull(monitorId, "monitorId").deepCopy();
        Objects.requireNonNull(lastTxnId, "lastTxnId");
        Objects.requireNonNull(updates, "updates");
    }

    /** Reads {@code [<json-value>, <table-updates>]}. @throws OvsdbProtocolException if malformed */
    public static MonitorUpdate fromUpdateParams(JsonNode params) {
        requireArray(params, 2, "update");
        return new MonitorUpdate(params.get(0), Optional.empty(), TableUpdates.fromUpdateJson(params.get(1)));
    }

    /** Reads {@code [<json-value>, <table-updates2>]}. @throws OvsdbProtocolException if malformed */
    public static MonitorUpdate fromUpdate2Params(JsonNode params) {
        requireArray(params, 2, "update2");
        return new MonitorUpdate(params.get(0), Optional.empty(), TableUpdates.fromUpdate2Json(params.get(1)));
    }

    /** Reads {@code [<json-value>, <last-txn-id>, <table-updates2>]}. @throws OvsdbProtocolException if malformed */
    public static MonitorUpdate fromUpdate3Params(JsonNode params) {
        requireArray(params, 3, "update3");
        UUID lastTxnId = txnId(params.get(1), "update3", "/1");
        return new MonitorUpdate(params.get(0), Optional.of(lastTxnId), TableUpdates.fromUpdate2Json(params.get(2)));
    }

    static void requireArray(JsonNode json, int size, String what) {
        if (json == null || !json.isArray() || json.size() != size) {
            throw new OvsdbProtocolException(what + ": expected an array of " + size + " elements, got "
                    + (json == null ? "nothing" : json.getNodeType() + (json.isArray() ? " of " + json.size() : "")));
        }
    }

    static UUID txnId(JsonNode json, String what, String at) {
        if (!json.isTextual()) {
            throw TableUpdatesCodec.malformed(what, at, "last-txn-id is not a string: " + json);
        }
        return TableUpdatesCodec.parseUuid(json.textValue(), what, () -> at);
    }
}
