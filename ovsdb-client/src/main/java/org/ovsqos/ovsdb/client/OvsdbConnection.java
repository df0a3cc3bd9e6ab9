package org.ovsqos.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.ovsqos.ovsdb.NotificationListener;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.OvsdbRpcException;
import org.ovsqos.ovsdb.OvsdbTimeoutException;
import org.ovsqos.ovsdb.Registration;
import org.ovsqos.ovsdb.jsonrpc.JsonRpcPeer;
import org.ovsqos.ovsdb.netty.ConnectRequest;
import org.ovsqos.ovsdb.netty.NettyConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON-RPC connection to an OVSDB server (RFC 7047 section 4): raw calls with JSON params and
 * results, and the server's notifications. It does not reconnect; {@link OvsdbSession} does.
 *
 * <p>Every call completes: with the {@code result}; with an {@link OvsdbRpcException} when the
 * server answers with an error; with an {@link OvsdbTimeoutException} after its timeout; or, the
 * moment the connection closes for whatever reason, with an {@link OvsdbConnectionException}.
 * Futures and listeners run on the connection's I/O thread: never block in them.
 *
 * <p><b>Cancelling a call.</b> {@code cancel(...)} on the future a call returns (not on a stage
 * derived from it) abandons the call, so a late response is dropped, and sends the server a
 * {@code cancel} notification naming the request's id (RFC 7047 section 4.1.4), so that a
 * {@code transact} held by a {@code wait} is dropped and never commits. A call that times out is
 * cancelled the same way. The server ignores {@code cancel} for a request it has answered.
 * (Open vSwitch answers a cancelled request with the error {@code "canceled"} only on a
 * connection that called {@code set_db_change_aware}; otherwise it drops it without a word.)
 *
 * <p>Thread-safe.
 */
public final class OvsdbConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OvsdbConnection.class);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

    private final Endpoint endpoint;
    private final JsonRpcPeer peer;
    private final ListenerList<NotificationListener> listeners;
    private final Duration defaultTimeout;

    OvsdbConnection(Endpoint endpoint, JsonRpcPeer peer, ListenerList<NotificationListener> listeners,
            Duration defaultTimeout) {
        this.endpoint = endpoint;
        this.peer = peer;
        this.listeners = listeners;
        this.defaultTimeout = defaultTimeout;
    }

    /** {@link #connect(Endpoint, OvsdbOptions)} with {@link OvsdbOptions#defaults()}. */
    public static CompletableFuture<OvsdbConnection> connect(Endpoint endpoint) {
        return connect(endpoint, OvsdbOptions.defaults());
    }

    /**
     * Opens a connection with its own I/O thread, which stops when the connection closes. The
     * future fails with an {@link OvsdbConnectionException} if the server cannot be reached.
     */
    public static CompletableFuture<OvsdbConnection> connect(Endpoint endpoint, OvsdbOptions options) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(options, "options");
        EventLoopGroup group = NettyConnector.newEventLoopGroup("ovsdb-io");
        Runnable shutdown = () -> group.shutdownGracefully(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture<OvsdbConnection> connection = open(group.next(), endpoint, options);
        connection.whenComplete((c, failure) -> {
            if (failure != null) {
                shutdown.run();
            } else {
                c.peer.closeFuture().whenComplete((v, e) -> shutdown.run());
            }
        });
        return connection;
    }

    /** Opens a connection on an event loop its caller owns (a session's). */
    static CompletableFuture<OvsdbConnection> open(EventLoop loop, Endpoint endpoint, OvsdbOptions options) {
        ListenerList<NotificationListener> listeners = new ListenerList<>();
        ConnectRequest request;
        try {
            request = ConnectRequests.of(endpoint, options);
        } catch (OvsdbConnectionException e) {
            return CompletableFuture.failedFuture(e);
        }
        return NettyConnector.connect(loop, request, dispatcher(listeners))
                .thenApply(peer -> new OvsdbConnection(endpoint, peer, listeners, options.callTimeout()));
    }

    static NotificationListener dispatcher(ListenerList<NotificationListener> listeners) {
        return (method, params) -> listeners.forEach(l -> l.onNotification(method, params), log, "notification");
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * Calls {@code method} with {@code params} as the request's {@code params} array, with the
     * default call timeout of the options.
     */
    public CompletableFuture<JsonNode> call(String method, JsonNode... params) {
        return call(method, defaultTimeout, Arrays.asList(params));
    }

    /** Calls {@code method}, failing with {@link OvsdbTimeoutException} after {@code timeout}. */
    public CompletableFuture<JsonNode> call(String method, Duration timeout, JsonNode... params) {
        return call(method, timeout, Arrays.asList(params));
    }

    /**
     * Calls {@code method} with the elements of {@code params} as the {@code params} array (a
     * {@code transact} with a database name and any number of operations, for example).
     */
    public CompletableFuture<JsonNode> call(String method, List<? extends JsonNode> params) {
        return call(method, defaultTimeout, params);
    }

    public CompletableFuture<JsonNode> call(String method, Duration timeout, List<? extends JsonNode> params) {
        return request(method, timeout, params, Function.identity());
    }

    /**
     * Calls {@code method} and turns its result into a value with {@code decode}; an exception
     * {@code decode} throws fails the future. The future is cancellable as the class describes.
     */
    <T> CompletableFuture<T> request(String method, Duration timeout, List<? extends JsonNode> params,
            Function<? super JsonNode, ? extends T> decode) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(params.size());
        for (JsonNode param : params) {
            array.add(param == null ? JsonNodeFactory.instance.nullNode() : param);
        }
        return request(method, timeout, array, decode);
    }

    /** {@link #request(String, Duration, List, Function)} with the {@code params} array built already. */
    <T> CompletableFuture<T> request(String method, Duration timeout, ArrayNode params,
            Function<? super JsonNode, ? extends T> decode) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(timeout, "timeout");
        JsonRpcPeer.Request sent = peer.send(method, params, timeout);
        CompletableFuture<JsonNode> raw = sent.result();
        CancellableCall<T> call = new CancellableCall<>(() -> {
            raw.cancel(false); // the peer forgets the id and drops a late response quietly
            cancelOnServer(sent.id(), method);
        });
        raw.whenComplete((result, failure) -> {
            if (failure == null) {
                try {
                    call.complete(decode.apply(result));
                } catch (RuntimeException e) {
                    call.completeExceptionally(e);
                }
                return;
            }
            if (failure instanceof OvsdbTimeoutException) {
                // The caller has given up: a transact still waiting must not commit behind its back.
                cancelOnServer(sent.id(), method);
            }
            call.completeExceptionally(failure);
        });
        return call;
    }

    private void cancelOnServer(long id, String method) {
        if (id != JsonRpcPeer.Request.NOT_SENT && peer.isOpen()) {
            log.debug("connection={} request={} id={} action=cancel", endpoint, method, id);
            peer.sendNotification("cancel", JsonNodeFactory.instance.arrayNode().add(id));
        }
    }

    /**
     * Adds a listener for notifications. Add it before making the call that causes them (a
     * {@code monitor}, a {@code lock}), so that none is missed.
     */
    public Registration addNotificationListener(NotificationListener listener) {
        return listeners.add(listener);
    }

    /**
     * Completes when the connection closes: normally after {@link #close()}; exceptionally with an
     * {@link OvsdbConnectionException} when it was lost, or an {@link OvsdbProtocolException} when
     * the server sent something unacceptable.
     */
    public CompletableFuture<Void> closeFuture() {
        return peer.closeFuture().copy();
    }

    public boolean isOpen() {
        return peer.isOpen();
    }

    public ConnectionStats stats() {
        return new ConnectionStats(peer.pendingCalls(), peer.notificationsReceived(), peer.echoRequestsAnswered(),
                peer.probesSent(), peer.protocolAnomalies());
    }

    /** Closes the connection; pending calls fail at once with {@link OvsdbConnectionException}. */
    @Override
    public void close() {
        peer.close();
    }

    @Override
    public String toString() {
        return "OvsdbConnection[" + endpoint + (isOpen() ? "" : ", closed") + "]";
    }
}
