package org.ovsqos.ovsdb;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Receives the server's JSON-RPC notifications: {@code update} (RFC 7047 section 4.1.6),
 * {@code locked} and {@code stolen} (sections 4.1.9, 4.1.10), Open vSwitch's {@code update2} and
 * {@code update3}, and any method a newer server may add. Called on the connection's I/O thread,
 * in the order the server sent them: hand work to another thread instead of blocking.
 */
@FunctionalInterface
public interface NotificationListener {

    /** @param params the notification's {@code params} array */
    void onNotification(String method, JsonNode params);
}
