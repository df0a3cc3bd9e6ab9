package org.ovsqos.ovsdb.client;

import java.util.Optional;

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

    /** Whether a monitor made this way can filter rows with a {@code where}. */
    public boolean isConditional() {
        return this != MONITOR;
    }
}
