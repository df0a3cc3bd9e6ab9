package org.ovsqos.daemon.admin;

import java.util.Locale;

/** The daemon's link to OVSDB, as {@code ovs-qos status} reports it. */
public enum ConnectionState {
    /** The first connection attempt since the daemon started is under way. */
    CONNECTING,
    /** Connected, with the monitor established. */
    CONNECTED,
    /**
     * The server takes connections but does not answer: an inactivity probe or the setting up of
     * the monitor got no reply (a stopped or hung ovsdb-server). The daemon retries, as it does
     * while {@link #DISCONNECTED}.
     */
    UNRESPONSIVE,
    /** Cannot connect, or the connection was lost; retrying (at once when a new unix socket appears). */
    DISCONNECTED;

    /** The JSON spelling: lower case. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ConnectionState fromJsonName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
