package org.ovsqos.ovsdb.client;

/** Where an {@link OvsdbSession} stands. */
public enum SessionState {
    /** Connecting, or connected and running the on-connect hooks; calls fail at once. */
    CONNECTING,
    /** Connected, every on-connect hook done; calls go to the server. */
    CONNECTED,
    /**
     * Not connected; the next attempt is scheduled (and made sooner if a new server's unix socket
     * appears). Calls fail at once.
     */
    DISCONNECTED,
    /** Closed for good by {@link OvsdbSession#close()}. */
    CLOSED
}
