package org.ovsqos.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.jsonrpc.RpcScheduler;
import org.ovsqos.ovsdb.netty.NettyConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to one OVSDB server that comes back by itself. After a connection fails or is
 * lost, the session waits according to its {@link BackoffPolicy} and tries again, for ever, until
 * closed. On every new connection it runs its {@link ConnectHook}s (where higher layers set up
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

    private static final Logger log = LoggerFactory.getLogger(OvsdbSession.class);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    /** Makes one connection attempt. */
    @FunctionalInterface
    interface Connector {
        CompletableFuture<OvsdbConnection> connect();
    }

    private final Endpoint endpoint;
    private final BackoffPolicy backoff;
    private final Connector connector;
    private final RpcScheduler loop;
    private final EventLoopGroup group;

    private final ListenerList<SessionListener> stateListeners = new ListenerList<>();
    private final ListenerList<ConnectHook> hooks = new ListenerList<>();
    private final ListenerList<NotificationListener> notificationListeners = new ListenerList<>();
    private final NotificationListener fanOut;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closeRequested = new AtomicBoolean();

    private volatile SessionState state = SessionState.DISCONNECTED;
    /** The connection calls go to; set only while CONNECTED. */
    private volatile OvsdbConnection current;
    private volatile OvsdbException lastCause;

    // Confined to the loop thread.
    private long generation;
    private int failures;
    private boolean closed;
    private OvsdbConnection attempt;
    private RpcScheduler.Cancellable retry;
    private final List<CompletableFuture<OvsdbConnection>> waiters = new ArrayList<>();

    OvsdbSession(Endpoint endpoint, BackoffPolicy backoff, Connector connector, RpcScheduler loop,
            EventLoopGroup group) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.group = group;
        this.fanOut = OvsdbConnection.dispatcher(notificationListeners)::onNotification;
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
        return new OvsdbSession(endpoint, options.reconnectBackoff(),
                () -> OvsdbConnection.open(eventLoop, endpoint, options), RpcScheduler.of(eventLoop), group);
    }

    /** Starts connecting (at once, without backoff). Idempotent. */
    public OvsdbSession start() {
        if (started.compareAndSet(false, true)) {
            onLoop(this::connect);
        }
        return this;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public SessionState state() {
        return state;
    }

    /** The connection while CONNECTED. */
    public Optional<OvsdbConnection> connection() {
        return Optional.ofNullable(current);
    }

    /** Why the session last lost or failed to make a connection; empty once connected again. */
    public Optional<OvsdbException> lastFailure() {
        return Optional.ofNullable(lastCause);
    }

    /**
     * Completes with the connection as soon as the session is CONNECTED (at once if it is), or
     * fails with an {@link OvsdbConnectionException} if the session is closed first. Never fails
     * because of a failed attempt: the session keeps trying.
     */
    public CompletableFuture<OvsdbConnection> whenConnected() {
        OvsdbConnection c = current;
        if (c != null) {
            return CompletableFuture.completedFuture(c);
        }
        CompletableFuture<OvsdbConnection> waiter = new CompletableFuture<>();
        if (closeRequested.get()) {
            waiter.completeExceptionally(closedException());
        } else if (!onLoop(() -> {
            if (closed) {
                waiter.completeExceptionally(closedException());
            } else if (current != null) {
                waiter.complete(current);
            } else {
                waiters.add(waiter);
            }
        })) {
            waiter.completeExceptionally(closedException());
        }
        return waiter;
    }

    /** Calls {@code method} on the current connection; fails at once when not CONNECTED. */
    public CompletableFuture<JsonNode> call(String method, JsonNode... params) {
        OvsdbConnection c = current;
        return c == null ? CompletableFuture.failedFuture(notConnected(method)) : c.call(method, params);
    }

    /** {@link #call(String, JsonNode...)} with an explicit timeout. */
    public CompletableFuture<JsonNode> call(String method, Duration timeout, JsonNode... params) {
        OvsdbConnection c = current;
        return c == null ? CompletableFuture.failedFuture(notConnected(method)) : c.call(method, timeout, params);
    }

    /** {@link OvsdbConnection#call(String, List)} on the current connection. */
    public CompletableFuture<JsonNode> call(String method, List<? extends JsonNode> params) {
        OvsdbConnection c = current;
        return c == null ? CompletableFuture.failedFuture(notConnected(method)) : c.call(method, params);
    }

    /** {@link OvsdbConnection#call(String, Duration, List)} on the current connection. */
    public CompletableFuture<JsonNode> call(String method, Duration timeout, List<? extends JsonNode> params) {
        OvsdbConnection c = current;
        return c == null ? CompletableFuture.failedFuture(notConnected(method)) : c.call(method, timeout, params);
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
            onLoop(this::shutdown);
        }
        if (group != null && !group.next().inEventLoop()) {
            group.terminationFuture().awaitUninterruptibly(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    // ---- the state machine; every method below runs on the loop thread ----

    private void connect() {
        if (closed) {
            return;
        }
        retry = null;
        long gen = ++generation;
        transition(SessionEvent.of(SessionState.CONNECTING));
        CompletableFuture<OvsdbConnection> made;
        try {
            made = connector.connect();
        } catch (RuntimeException e) {
            made = CompletableFuture.failedFuture(e);
        }
        made.whenComplete((c, failure) -> {
            if (!onLoop(() -> connected(gen, c, failure)) && c != null) {
                c.close();
            }
        });
    }

    private void connected(long gen, OvsdbConnection c, Throwable failure) {
        if (gen != generation || closed) {
            if (c != null) {
                c.close();
            }
            return;
        }
        if (failure != null) {
            failed(asOvsdbException(failure, "cannot connect to " + endpoint));
            return;
        }
        attempt = c;
        c.addNotificationListener(fanOut);
        c.closeFuture().whenComplete((v, lost) -> onLoop(() -> lost(gen, lost)));
        runHooks(gen, c, hooks.snapshot(), 0);
    }

    private void runHooks(long gen, OvsdbConnection c, List<ConnectHook> list, int next) {
        if (gen != generation || closed) {
            return;
        }
        if (next == list.size()) {
            ready(c);
            return;
        }
        CompletionStage<?> stage;
        try {
            stage = Objects.requireNonNull(list.get(next).onConnect(c), "on-connect hook returned null");
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((v, failure) -> onLoop(() -> {
            if (failure == null) {
                runHooks(gen, c, list, next + 1);
            } else if (gen == generation && !closed) {
                Throwable cause = unwrap(failure);
                failed(new OvsdbConnectionException("on-connect hook " + (next + 1) + " of " + list.size()
                        + " failed on " + endpoint + ": " + cause.getMessage(), cause));
            }
        }));
    }

    private void ready(OvsdbConnection c) {
        if (!c.isOpen()) {
            return; // its close is already queued on this thread and will count as a failure
        }
        attempt = null;
        current = c;
        failures = 0;
        lastCause = null;
        transition(SessionEvent.of(SessionState.CONNECTED));
        waiters.forEach(w -> w.complete(c));
        waiters.clear();
    }

    private void lost(long gen, Throwable cause) {
        if (gen != generation || closed) {
            return;
        }
        failed(cause == null
                ? new OvsdbConnectionException("connection to " + endpoint + " closed")
                : asOvsdbException(cause, "connection to " + endpoint + " lost"));
    }

    private void failed(OvsdbException cause) {
        generation++; // whatever the old attempt still reports is ignored from here on
        OvsdbConnection c = current != null ? current : attempt;
        current = null;
        attempt = null;
        if (c != null) {
            c.close();
        }
        lastCause = cause;
        failures++;
        Duration delay = backoff.delay(failures);
        transition(SessionEvent.disconnected(cause, delay));
        retry = loop.schedule(delay, this::connect);
    }

    private void shutdown() {
        closed = true;
        generation++;
        if (retry != null) {
            retry.cancel();
        }
        OvsdbConnection c = current != null ? current : attempt;
        current = null;
        attempt = null;
        if (c != null) {
            c.close();
        }
        waiters.forEach(w -> w.completeExceptionally(closedException()));
        waiters.clear();
        transition(SessionEvent.of(SessionState.CLOSED));
        if (group != null) {
            group.shutdownGracefully(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void transition(SessionEvent event) {
        state = event.state();
        switch (event.state()) {
            case CONNECTING -> log.debug("ovsdb endpoint={} state=CONNECTING", endpoint);
            case CONNECTED -> log.info("ovsdb endpoint={} state=CONNECTED", endpoint);
            case DISCONNECTED -> log.warn("ovsdb endpoint={} state=DISCONNECTED attempt={} retry_ms={} cause=\"{}\"",
                    endpoint, failures, event.reconnectDelay().map(Duration::toMillis).orElse(0L),
                    event.cause().map(Throwable::getMessage).orElse(""));
            case CLOSED -> log.info("ovsdb endpoint={} state=CLOSED", endpoint);
        }
        stateListeners.forEach(l -> l.onStateChange(event), log, "session state");
    }

    /** Runs {@code task} on the loop; false if the loop has stopped (the session is closed). */
    private boolean onLoop(Runnable task) {
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private OvsdbConnectionException notConnected(String method) {
        OvsdbException cause = lastCause;
        String why = cause == null ? "" : ": " + cause.getMessage();
        return new OvsdbConnectionException(method + " not sent: session to " + endpoint + " is " + state + why,
                cause);
    }

    private OvsdbConnectionException closedException() {
        return new OvsdbConnectionException("session to " + endpoint + " is closed");
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static OvsdbException asOvsdbException(Throwable t, String context) {
        Throwable cause = unwrap(t);
        return cause instanceof OvsdbException known ? known
                : new OvsdbConnectionException(context + ": " + cause.getMessage(), cause);
    }

    @Override
    public String toString() {
        return "OvsdbSession[" + endpoint + ", " + state + "]";
    }
}
