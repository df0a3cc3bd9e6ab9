package org.ovsqos.ovsdb.jsonrpc;

import static org.ovsqos.ovsdb.jsonrpc.JsonRpcMessages.excerpt;
import static org.ovsqos.ovsdb.jsonrpc.JsonRpcMessages.isAbsent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.ovsqos.ovsdb.NotificationListener;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.OvsdbTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One end of a JSON-RPC 1.0 conversation with an OVSDB server (RFC 7047 section 4).
 *
 * <p>It assigns request ids, matches responses to calls, completes each call's future with the
 * {@code result} or an {@link org.ovsqos.ovsdb.OvsdbRpcException}, times calls out, answers the
 * server's {@code echo} (section 4.1.11), and hands notifications to a {@link NotificationListener}.
 * A response for an id that no call is waiting for is a protocol anomaly: logged and counted, never
 * fatal, never completing another call's future. A message of the wrong shape means the stream
 * cannot be trusted: the peer closes with an {@link OvsdbProtocolException}.
 *
 * <p>Closing fails every pending call at once with an {@link OvsdbConnectionException}, and every
 * later call at once too. Thread-safe: calls may come from any thread; {@link #receive} is called
 * by the transport, one message at a time. Futures complete on the thread that delivered the
 * response (the I/O thread), so callers must not block in their continuations.
 */
public final class JsonRpcPeer {

    private static final Logger log = LoggerFactory.getLogger(JsonRpcPeer.class);
    private static final int ABANDONED_IDS_REMEMBERED = 4096;
    /** The close cause of an orderly local close; never handed to callers. */
    private static final OvsdbConnectionException LOCAL_CLOSE =
            new OvsdbConnectionException("connection closed by the client");

    private final String name;
    private final JsonRpcTransport transport;
    private final RpcScheduler scheduler;
    private final NotificationListener notifications;

    private final Map<Long, PendingCall> pending = new ConcurrentHashMap<>();
    private final AbandonedIds abandoned = new AbandonedIds(ABANDONED_IDS_REMEMBERED);
    private final AtomicLong nextId = new AtomicLong();
    /** Null while open; then why it closed ({@link #LOCAL_CLOSE} for an orderly local close). */
    private final AtomicReference<OvsdbException> closeCause = new AtomicReference<>();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();

    private final LongAdder anomalies = new LongAdder();
    private final LongAdder notificationsReceived = new LongAdder();
    private final LongAdder echoesAnswered = new LongAdder();
    private final LongAdder probesSent = new LongAdder();

    /**
     * @param name names the connection in log lines and exceptions, e.g. {@code tcp:127.0.0.1:6640}
     */
    public JsonRpcPeer(String name, JsonRpcTransport transport, RpcScheduler scheduler,
            NotificationListener notifications) {
        this.name = Objects.requireNonNull(name, "name");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
    }

    /**
     * Sends a request and returns the future of its {@code result}.
     *
     * @param params the {@code params} array of RFC 7047 section 4
     * @param timeout after this the future fails with {@link OvsdbTimeoutException}; positive
     */
    public CompletableFuture<JsonNode> call(String method, JsonNode params, Duration timeout) {
        return send(method, params, timeout).result();
    }

    /**
     * A request on its way: the {@code id} the server knows it by, which a {@code cancel}
     * notification names (RFC 7047 section 4.1.4), and the future of its {@code result}.
     *
     * @param id the request's id; {@link #NOT_SENT} if it never left (the peer was closed)
     */
    public record Request(long id, CompletableFuture<JsonNode> result) {
        /** The id of a request that was never sent. */
        public static final long NOT_SENT = -1;
    }

    /**
     * {@link #call}, also telling the request's id. Cancelling the future abandons the call: its
     * response, should one come, is dropped quietly.
     */
    public Request send(String method, JsonNode params, Duration timeout) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(params, "params");
        if (!params.isArray()) {
            throw new IllegalArgumentException("params must be a JSON array, got " + excerpt(params));
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        OvsdbException closed = closeCause.get();
        if (closed != null) {
            return new Request(Request.NOT_SENT, CompletableFuture.failedFuture(notSent(method, closed)));
        }
        PendingCall call = new PendingCall(nextId.getAndIncrement(), method, timeout);
        pending.put(call.id, call);
        closed = closeCause.get();
        if (closed != null) {
            // close() may have drained the map before our entry landed in it.
            if (pending.remove(call.id, call)) {
                call.future.completeExceptionally(notSent(method, closed));
            }
            return new Request(Request.NOT_SENT, call.future);
        }
        RpcScheduler.Cancellable timer;
        try {
            timer = scheduler.schedule(timeout, () -> timeOut(call));
        } catch (RuntimeException e) {
            // The I/O thread is shutting down: this connection is as good as closed.
            pending.remove(call.id, call);
            call.future.completeExceptionally(new OvsdbConnectionException(call + " not sent to " + name
                    + ": its I/O thread is shutting down", e));
            return new Request(Request.NOT_SENT, call.future);
        }
        call.future.whenComplete((result, failure) -> {
            timer.cancel();
            // Completed by someone else (cancelled by the caller): forget the call, and drop its
            // response quietly when it comes.
            if (pending.remove(call.id, call)) {
                abandoned.add(call.id);
            }
        });
        try {
            transport.send(JsonRpcMessages.request(call.id, method, params));
        } catch (RuntimeException e) {
            if (pending.remove(call.id, call)) {
                call.future.completeExceptionally(
                        new OvsdbConnectionException(call + " could not be sent to " + name, e));
            }
        }
        return new Request(call.id, call.future);
    }

    /**
     * Sends a JSON-RPC notification, a request with a null {@code id} that gets no response
     * (RFC 7047 section 4.1.4 {@code cancel} is the one a client sends). Dropped if the peer is
     * closed: a notification to a connection that is gone has nobody to tell.
     */
    public void sendNotification(String method, JsonNode params) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(params, "params");
        if (!params.isArray()) {
            throw new IllegalArgumentException("params must be a JSON array, got " + excerpt(params));
        }
        if (!isOpen()) {
            log.debug("connection={} notification={} dropped: closed", name, method);
            return;
        }
        try {
            transport.send(JsonRpcMessages.notification(method, params));
        } catch (RuntimeException e) {
            log.debug("connection={} notification={} not sent: {}", name, method, e.toString());
        }
    }

    /**
     * Sends an {@code echo} whose only purpose is to make the server say something; its outcome is
     * ignored, since the transport judges liveness by whether anything arrives at all.
     */
    public void probe(Duration timeout) {
        probesSent.increment();
        call("echo", JsonNodeFactory.instance.arrayNode(), timeout);
    }

    /** Handles one message from the server. Messages after close are dropped. */
    public void receive(JsonNode message) {
        if (!isOpen()) {
            return;
        }
        String problem = JsonRpcMessages.shapeProblem(message);
        if (problem != null) {
            log.warn("connection={} protocol-error=\"{}\" action=close", name, problem);
            close(new OvsdbProtocolException(problem));
        } else if (isAbsent(message.get("method"))) {
            receiveResponse(message);
        } else {
            receiveRequest(message.get("method").asText(), message);
        }
    }

    private void receiveRequest(String method, JsonNode message) {
        JsonNode params = message.get("params");
        if (isAbsent(params)) {
            params = JsonNodeFactory.instance.arrayNode();
        }
        JsonNode id = message.get("id");
        if (isAbsent(id)) {
            notificationsReceived.increment();
            try {
                notifications.onNotification(method, params);
            } catch (RuntimeException e) {
                log.warn("connection={} notification={} handler failed", name, method, e);
            }
        } else if ("echo".equals(method)) {
            // RFC 7047 section 4.1.11: the reply's result is the request's params, unchanged.
            echoesAnswered.increment();
            transport.send(JsonRpcMessages.response(id, params));
        } else {
            log.warn("connection={} request={} id={} answered=\"unknown method\"", name, method, id);
            transport.send(JsonRpcMessages.errorResponse(id, "unknown method"));
        }
    }

    private void receiveResponse(JsonNode message) {
        JsonNode id = message.get("id");
        JsonNode error = message.get("error");
        JsonNode result = message.get("result");
        Long key = id.canConvertToExactIntegral() && id.canConvertToLong() ? id.longValue() : null;
        PendingCall call = key == null ? null : pending.remove(key);
        if (call == null) {
            if (key != null && abandoned.remove(key)) {
                log.debug("connection={} id={} late response dropped", name, id);
            } else {
                anomalies.increment();
                log.warn("connection={} id={} anomaly=\"response matches no pending call\" "
                        + "(unknown or duplicate id) message={}", name, id, excerpt(message));
            }
            return;
        }
        if (isAbsent(error)) {
            call.future.complete(result);
        } else {
            call.future.completeExceptionally(JsonRpcMessages.rpcError(call.method, error));
        }
    }

    private void timeOut(PendingCall call) {
        if (pending.remove(call.id, call)) {
            abandoned.add(call.id);
            call.future.completeExceptionally(new OvsdbTimeoutException(call + " on " + name
                    + " got no response within " + call.timeout.toMillis() + " ms"));
        }
    }

    /** Closes in an orderly way: pending calls fail with {@link OvsdbConnectionException}. */
    public void close() {
        close(LOCAL_CLOSE);
    }

    /**
     * Closes because of {@code cause} (the transport was lost, the server sent garbage):
     * every pending call fails at once with an {@link OvsdbConnectionException} caused by it, and
     * {@link #closeFuture()} completes exceptionally with it. Only the first close counts.
     */
    public void close(OvsdbException cause) {
        Objects.requireNonNull(cause, "cause");
        if (!closeCause.compareAndSet(null, cause)) {
            return;
        }
        transport.close();
        for (PendingCall call : pending.values()) {
            if (pending.remove(call.id, call)) {
                call.future.completeExceptionally(lost(call, cause));
            }
        }
        if (cause == LOCAL_CLOSE) {
            closeFuture.complete(null);
        } else {
            closeFuture.completeExceptionally(cause);
        }
    }

    private OvsdbConnectionException lost(PendingCall call, OvsdbException cause) {
        if (cause == LOCAL_CLOSE) {
            return new OvsdbConnectionException(call + " failed: connection to " + name
                    + " closed by the client");
        }
        return new OvsdbConnectionException(call + " failed: connection to " + name + " lost: "
                + cause.getMessage(), cause);
    }

    private OvsdbConnectionException notSent(String method, OvsdbException cause) {
        return cause == LOCAL_CLOSE
                ? new OvsdbConnectionException(method + " not sent: connection to " + name + " is closed")
                : new OvsdbConnectionException(method + " not sent: connection to " + name
                        + " is closed: " + cause.getMessage(), cause);
    }

    public boolean isOpen() {
        return closeCause.get() == null;
    }

    /**
     * Completes when the peer closes: normally after {@link #close()}, exceptionally with the
     * cause otherwise.
     */
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    public String name() {
        return name;
    }

    /** Calls sent and not yet answered, timed out or failed. */
    public int pendingCalls() {
        return pending.size();
    }

    /** Responses that matched no pending call (unknown or duplicate ids). */
    public long protocolAnomalies() {
        return anomalies.sum();
    }

    public long notificationsReceived() {
        return notificationsReceived.sum();
    }

    /** The server's {@code echo} requests answered. */
    public long echoRequestsAnswered() {
        return echoesAnswered.sum();
    }

    /** Inactivity probes sent ({@link #probe}). */
    public long probesSent() {
        return probesSent.sum();
    }

    @Override
    public String toString() {
        return "JsonRpcPeer[" + name + (isOpen() ? "" : ", closed") + "]";
    }
}
