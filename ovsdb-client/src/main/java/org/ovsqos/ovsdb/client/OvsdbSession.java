package org.ovsqos.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.ovsqos.ovsdb.NotificationListener;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.Registration;
import org.ovsqos.ovsdb.jsonrpc.RpcScheduler;
import org.ovsqos.ovsdb.netty.NettyConnector;

/**
 * A connection to one OVSDB server that comes back by itself. After a connection fails or is
 * lost, the session waits according to its {@link BackoffPolicy} and tries again, for ever, until
 * closed; on a unix socket it also connects at once when a new server's socket appears
 * ({@link OvsdbOptions#unixSocketWatch()}). On every new connection it runs its {@link ConnectHook}s (where higher layers set up
 * their monitors and locks again) before it reports {@link SessionState#CONNECTED}.
 *
 * <p>No call is queued: while the session is not CONNECTED, calls fail at once with an
 * {@link OvsdbConnectionException}, and calls pending when a connection drops fail at that
 * moment, so callers decide for themselves what to retry. Notification listeners stay registered
 * across connections.
 *
 * <p>The session owns its I/O thread; {@link #close()} stops it. State changes, hooks and
 * listeners all run on that one thread, in order. Thread-safe.
 */
public final class OvsdbSession implements AutoCloseable {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private final Endpoint endpoint;
    private final EventLoopGroup group;
    private final ListenerList<SessionListener> stateListeners = new ListenerList<>();
    private final ListenerList<ConnectHook> hooks = new ListenerList<>();
    private final ListenerList<NotificationListener> notificationListeners = new ListenerList<>();
    private final Reconnector reconnector;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closeRequested = new AtomicBoolean();

    /** @param group the I/O threads to stop on close, or {@code null} when the caller owns them */
    OvsdbSession(Endpoint endpoint, BackoffPolicy backoff, Reconnector.Connector connector, SocketWatch socketWatch,
            RpcScheduler loop, EventLoopGroup group) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.group = group;
        NotificationListener fanOut = OvsdbConnection.dispatcher(notificationListeners)::onNotification;
        this.reconnector = new Reconnector(endpoint, backoff, connector, socketWatch, loop, stateListeners, hooks, fanOut,
                () -> {
                    if (group != null) {
                        group.shutdownGracefully(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    }
                });
    }

    /** {@link #create(Endpoint, OvsdbOptions)} with {@link OvsdbOptions#defaults()}. */
    public static OvsdbSession create(Endpoint endpoint) {
        return create(endpoint, OvsdbOptions.defaults());
    }

    /**
     * A session to {@code endpoint}, not yet started: add hooks and listeners, then
     * {@link #start()}.
     */
    public static OvsdbSession create(Endpoint endpoint, OvsdbOptions options) {
        Objects.requireNonNull(options, "options");
        EventLoopGroup group = NettyConnector.newEventLoopGroup("ovsdb-session");
        EventLoop eventLoop = group.next();
        RpcScheduler loop = RpcScheduler.of(eventLoop, eventLoop::inEventLoop);
        return new OvsdbSession(endpoint, options.reconnectBackoff(),
                () -> OvsdbConnection.open(eventLoop, endpoint, options), SocketWatch.of(endpoint, options, loop), loop,
                group);
    }

    /** Starts connecting (at once, without backoff). Idempotent. */
    public OvsdbSession start() {
        if (started.compareAndSet(false, true)) {
            reconnector.start();
        }
        return this;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public SessionState state() {
        return reconnector.state();
    }

    /** The connection while CONNECTED. */
    public Optional<OvsdbConnection> connection() {
        return Optional.ofNullable(reconnector.current());
    }

    /** Why the session last lost or failed to make a connection; empty once connected again. */
    public Optional<OvsdbException> lastFailure() {
        return Optional.ofNullable(reconnector.lastCause());
    }

    /**
     * Completes with the connection as soon as the session is CONNECTED (at once if it is), or
     * fails with an {@link OvsdbConnectionException} if the session is closed first. Never fails
     * because of a failed attempt: the session keeps trying.
     */
    public CompletableFuture<OvsdbConnection> whenConnected() {
        OvsdbConnection c = reconnector.current();
        if (c != null) {
            return CompletableFuture.completedFuture(c);
        }
        CompletableFuture<OvsdbConnection> waiter = new CompletableFuture<>();
        if (closeRequested.get()) {
            waiter.completeExceptionally(reconnector.closedException());
        } else {
            reconnector.await(waiter);
        }
        return waiter;
    }

    /** Calls {@code method} on the current connection; fails at once when not CONNECTED. */
    public CompletableFuture<JsonNode> call(String method, JsonNode... params) {
        return call(method, Arrays.asList(params));
    }

    /** {@link #call(String, JsonNode...)} with an explicit timeout. */
    public CompletableFuture<JsonNode> call(String method, Duration timeout, JsonNode... params) {
        return call(method, timeout, Arrays.asList(params));
    }

    /** {@link OvsdbConnection#call(String, List)} on the current connection. */
    public CompletableFuture<JsonNode> call(String method, List<? extends JsonNode> params) {
        OvsdbConnection c = reconnector.current();
        return c == null ? CompletableFuture.failedFuture(reconnector.notConnected(method)) : c.call(method, params);
    }

    /** {@link OvsdbConnection#call(String, Duration, List)} on the current connection. */
    public CompletableFuture<JsonNode> call(String method, Duration timeout, List<? extends JsonNode> params) {
        OvsdbConnection c = reconnector.current();
        return c == null ? CompletableFuture.failedFuture(reconnector.notConnected(method))
                : c.call(method, timeout, params);
    }

    /**
     * {@link OvsdbConnection#request} on the current connection; fails at once when not
     * CONNECTED.
     */
    <T> CompletableFuture<T> request(String method, Duration timeout, List<? extends JsonNode> params,
            Function<? super JsonNode, ? extends T> decode) {
        OvsdbConnection c = reconnector.current();
        return c == null ? CompletableFuture.failedFuture(reconnector.notConnected(method))
                : c.request(method, timeout, params, decode);
    }

    /** The same with the {@code params} array built already. */
    <T> CompletableFuture<T> request(String method, Duration timeout, ArrayNode params,
            Function<? super JsonNode, ? extends T> decode) {
        OvsdbConnection c = reconnector.current();
        return c == null ? CompletableFuture.failedFuture(reconnector.notConnected(method))
                : c.request(method, timeout, params, decode);
    }

    /** Why {@code method} cannot be sent now. */
    OvsdbConnectionException notConnected(String method) {
        return reconnector.notConnected(method);
    }

    /**
     * Runs {@code task} on the session's I/O thread, after what is queued there (so after the
     * handling of any message already received); false if the session is closed.
     */
    boolean execute(Runnable task) {
        return reconnector.onLoop(task);
    }

    /** Hooks added after a connection was made run from the next connection on. */
    public Registration addConnectHook(ConnectHook hook) {
        return hooks.add(hook);
    }

    public Registration addStateListener(SessionListener listener) {
        return stateListeners.add(listener);
    }

    /** Notifications from whichever connection is current, including during the hooks. */
    public Registration addNotificationListener(NotificationListener listener) {
        return notificationListeners.add(listener);
    }

    /**
     * Closes the session: the connection closes (pending calls fail), no attempt follows, the
     * state becomes CLOSED and the I/O thread stops. Waits for the thread unless called on it.
     */
    @Override
    public void close() {
        if (closeRequested.compareAndSet(false, true)) {
            reconnector.close();
        }
        if (group != null && !group.next().inEventLoop()) {
            group.terminationFuture().awaitUninterruptibly(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public String toString() {
        return "OvsdbSession[" + endpoint + ", " + state() + "]";
    }
}
