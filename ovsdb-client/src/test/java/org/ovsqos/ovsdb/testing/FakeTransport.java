package org.ovsqos.ovsdb.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.ovsqos.ovsdb.jsonrpc.JsonRpcTransport;

/** An in-memory transport: remembers what was sent and whether it was closed. */
public final class FakeTransport implements JsonRpcTransport {

    private final List<JsonNode> sent = new ArrayList<>();
    private RuntimeException sendFailure;
    private int closes;

    @Override
    public synchronized void send(JsonNode message) {
        if (sendFailure != null) {
            throw sendFailure;
        }
        sent.add(message.deepCopy());
    }

    @Override
    public synchronized void close() {
        closes++;
    }

    /** Makes every later {@link #send} throw {@code failure}. */
    public synchronized void failSendsWith(RuntimeException failure) {
        this.sendFailure = failure;
    }

    public synchronized List<JsonNode> sent() {
        return List.copyOf(sent);
    }

    public synchronized JsonNode lastSent() {
        if (sent.isEmpty()) {
            throw new AssertionError("nothing was sent");
        }
        return sent.get(sent.size() - 1);
    }

    public synchronized boolean isClosed() {
        return closes > 0;
    }
}
