package org.ovsqos.ovsdb.client;

/**
 * Hears an {@link OvsdbSession}'s state changes, in order, on the session's I/O thread: hand
 * work elsewhere instead of blocking.
 */
@FunctionalInterface
public interface SessionListener {

    void onStateChange(SessionEvent event);
}
