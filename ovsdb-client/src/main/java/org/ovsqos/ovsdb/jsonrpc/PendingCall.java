package org.ovsqos.ovsdb.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A request sent and not yet answered: its id, what to say in errors, and its future. */
final class PendingCall {

    final long id;
    final String method;
    final Duration timeout;
    final CompletableFuture<JsonNode> future = new CompletableFuture<>();

    PendingCall(long id, String method, Duration timeout) {
        this.id = id;
        this.method = method;
        this.timeout = timeout;
    }

    @Override
    public String toString() {
        return method + " (id " + id + ")";
    }
}
