package org.ovsqos.ovsdb.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.UUID;
import org.ovsqos.ovsdb.OvsdbProtocolException;

/**
 * The result of {@code monitor_cond_since}, {@code [<found>, <last-txn-id>, <table-updates2>]}
 * (ovsdb-server(7) section 4.1.15).
 *
 * @param found whether the server still had the requested transaction: then {@code updates} are
 *     the changes since it, to apply to the rows the client kept; otherwise they are the whole
 *     content, which replaces those rows
 * @param lastTxnId the transaction the client is now up to; the all-zero UUID when the server
 *     does not track transactions (a standalone database does not)
 * @param updates changes since the requested transaction, or the whole monitored content
 */
public record MonitorCondSinceResult(boolean found, UUID lastTxnId, TableUpdates updates) {

    public MonitorCondSinceResult {
        Objects.requireNonNull(lastTxnId, "lastTxnId");
        Objects.requireNonNull(updates, "updates");
    }

    /** Reads the {@code result} member of the reply. @throws OvsdbProtocolException if malformed */
    public static MonitorCondSinceResult fromJson(JsonNode result) {
        MonitorUpdate.requireArray(result, 3, "monitor_cond_since reply");
        if (!result.get(0).isBoolean()) {
            throw new OvsdbProtocolException("monitor_cond_since reply: found is not a boolean: " + result.get(0));
        }
        UUID lastTxnId = MonitorUpdate.txnId(result.get(1), "monitor_cond_since reply", "/1");
        return new MonitorCondSinceResult(result.get(0).booleanValue(), lastTxnId,
                TableUpdates.fromUpdate2Json(result.get(2)));
    }
}
