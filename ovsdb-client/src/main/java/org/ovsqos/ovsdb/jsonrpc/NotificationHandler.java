package org.ovsqos.ovsdb.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Receives the JSON-RPC notifications a server sends (RFC 7047 section 4.1.6 {@code update},
 * 4.1.9 {@code locked}, 4.1.10 {@code stolen}; the OVS extensions {@code update2} and
 * {@code update3}; and any other method, which the handler may ignore). Called on the transport's
 * I/O thread, in the order the server sent them: it must not block.
 */
@FunctionalInterface
public interface NotificationHandler {

    /** @param params the notification's {@code params} array (never {@code null}) */
    void onNotification(String method, JsonNode params);

    /** A handler that drops every notification. */
    static NotificationHandler ignoring() {
        return (method, params) -> { };
    }
}
