package org.ovsqos.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.ovsqos.ovsdb.monitor.MonitorCondSinceResult;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.monitor.MonitorRequests;
import org.ovsqos.ovsdb.monitor.TableUpdates;

/**
 * The ways to create a monitor, best first: what a {@link Replica} uses, falling back when the
 * server answers {@code "unknown method"}.
 */
public enum MonitorMethod {
    /**
     * {@code monitor_cond_since} (ovsdb-server(7) section 4.1.15, Open vSwitch 2.12 and later):
     * conditional, and after a reconnect the server may send only what changed since the last
     * transaction the client saw, instead of everything.
     */
    MONITOR_COND_SINCE("monitor_cond_since"),
    /** {@code monitor_cond} (ovsdb-server(7) section 4.1.12): conditional, with update2 diffs. */
    MONITOR_COND("monitor_cond"),
    /** {@code monitor} (RFC 7047 section 4.1.5): every row of each table, whole rows. */
    MONITOR("monitor");

    private final String methodName;

    MonitorMethod(String methodName) {
        this.methodName = methodName;
    }

    /** The JSON-RPC method name. */
    public String methodName() {
        return methodName;
    }

    /** The method to try when the server does not know this one. */
    public Optional<MonitorMethod> fallback() {
        return switch (this) {
            case MONITOR_COND_SINCE -> Optional.of(MONITOR_COND);
            case MONITOR_COND -> Optional.of(MONITOR);
            case MONITOR -> Optional.empty();
        };
    }

    /**
     * Makes a monitor this way on {@code c}. Every method's reply is given as a
     * {@link MonitorCondSinceResult}: not found, with no transaction id, but for
     * {@code monitor_cond_since}.
     *
     * @param since the transaction to resume from; only {@code monitor_cond_since} uses it
     */
    CompletableFuture<MonitorCondSinceResult> request(OvsdbConnection c, Duration timeout, String db, JsonNode id,
            Map<String, List<MonitorRequest>> requests, Optional<UUID> since) {
        return switch (this) {
            case MONITOR_COND_SINCE -> c.request(methodName, timeout,
                    MonitorRequests.monitorCondSinceParams(db, id, requests, since),
                    MonitorCondSinceResult::fromJson);
            case MONITOR_COND -> c.request(methodName, timeout,
                    MonitorRequests.monitorCondParams(db, id, requests),
                    r -> whole(TableUpdates.fromUpdate2Json(r)));
            case MONITOR -> c.request(methodName, timeout,
                    MonitorRequests.monitorParams(db, id, requests),
                    r -> whole(TableUpdates.fromMonitorReply(r)));
        };
    }

    private static MonitorCondSinceResult whole(TableUpdates updates) {
        return new MonitorCondSinceResult(false, MonitorRequests.NO_TXN_ID, updates);
    }

    /** Whether a monitor made this way can filter rows with a {@code where}. */
    public boolean isConditional() {
        return this != MONITOR;
    }
}
