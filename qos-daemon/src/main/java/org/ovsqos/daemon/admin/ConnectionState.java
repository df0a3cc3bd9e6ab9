package org.ovsqos.daemon.admin;

import java.util.Locale;

/** The daemon's link to OVSDB, as {@code ovs-qos status} reports it. */
public enum ConnectionState {
    /** A connection attempt (the first, or one after a backoff) is under way. */
    CONNECTING,
    /** Connected, with the monitor established. */
    CONNECTED,
    /** Not connected; waiting before the next attempt. */
    DISCONNECTED;

    /** The JSON spelling: lower case. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ConnectionState fromJsonName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
