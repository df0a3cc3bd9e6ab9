package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.ovsqos.ovsdb.NotificationListener;
import org.ovsqos.ovsdb.jsonrpc.JsonRpcPeer;
import org.ovsqos.ovsdb.jsonrpc.RpcScheduler;
import org.ovsqos.ovsdb.testing.FakeTransport;

/**
 * Hands out connection attempts that the test completes, over in-memory transports whose timers
 * run on the test's scheduler. Connections made by {@link #succeed()} time calls out after
 * {@link #CALL_TIMEOUT}.
 */
final class FakeConnector implements Reconnector.Connector {
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final Endpoint endpoint;
    private final RpcScheduler scheduler;
    private final List<CompletableFuture<OvsdbConnection>> attempts = new ArrayList<>();
    private final List<JsonRpcPeer> peers = new ArrayList<>();
    private final List<FakeTransport> transports = new ArrayList<>();

    FakeConnector(Endpoint endpoint, RpcScheduler scheduler) {
        this.endpoint = endpoint;
        this.scheduler = scheduler;
    }

    @Override
    public CompletableFuture<OvsdbConnection> connect() {
        CompletableFuture<OvsdbConnection> attempt = new CompletableFuture<>();
        attempts.add(attempt);
        return attempt;
    }

    int attempts() {
        return attempts.size();
    }

    void succeed() {
        FakeTransport transport = new FakeTransport();
        ListenerList<NotificationListener> listeners = new ListenerList<>();
        JsonRpcPeer peer = new JsonRpcPeer(endpoint.toString(), transport, scheduler,
                OvsdbConnection.dispatcher(listeners));
        transports.add(transport);
        peers.add(peer);
        last().complete(new OvsdbConnection(endpoint, peer, listeners, CALL_TIMEOUT));
    }

    void fail(Throwable cause) {
        last().completeExceptionally(cause);
    }

    private CompletableFuture<OvsdbConnection> last() {
        assertThat(attempts).as("connection attempts").isNotEmpty();
        CompletableFuture<OvsdbConnection> attempt = attempts.get(attempts.size() - 1);
        assertThat(attempt).as("latest attempt still open").isNotDone();
        return attempt;
    }

    JsonRpcPeer peer(int i) {
        return peers.get(i);
    }

    FakeTransport transport(int i) {
        return transports.get(i);
    }
}
