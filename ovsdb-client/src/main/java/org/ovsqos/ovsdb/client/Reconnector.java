package org.ovsqos.ovsdb.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import org.ovsqos.ovsdb.NotificationListener;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.OvsdbTimeoutException;
import org.ovsqos.ovsdb.OvsdbUnresponsiveException;
import org.ovsqos.ovsdb.jsonrpc.RpcScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state machine behind {@link OvsdbSession}: connect, run the hooks, report CONNECTED; on any
 * failure close what is left, report DISCONNECTED and schedule the next attempt after the
 * backoff, or sooner if its {@link SocketWatch} sees a new server's socket. It runs on one thread
 * (the session's event loop, or a test's manual scheduler), so it needs no locks; a generation
 * number, bumped on every failure and on close, makes late callbacks of an abandoned attempt
 * harmless. Only the volatile fields are read from other threads.
 */
final class Reconnector {

    /** Logged under the session's name: that is the class operators know. */
    private static final Logger log = LoggerFactory.getLogger(OvsdbSession.class);

    /** Makes one connection attempt. */
    @FunctionalInterface
    interface Connector {
        CompletableFuture<OvsdbConnection> connect();
    }

    private final Endpoint endpoint;
    private final BackoffPolicy backoff;
    private final Connector connector;
    private final SocketWatch socketWatch;
    private final RpcScheduler loop;
    private final ListenerList<SessionListener> stateListeners;
    private final ListenerList<ConnectHook> hooks;
    private final NotificationListener fanOut;
    private final Runnable afterClose;

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

    Reconnector(Endpoint endpoint, BackoffPolicy backoff, Connector connector, SocketWatch socketWatch,
            RpcScheduler loop, ListenerList<SessionListener> stateListeners, ListenerList<ConnectHook> hooks,
            NotificationListener fanOut, Runnable afterClose) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.socketWatch = Objects.requireNonNull(socketWatch, "socketWatch");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.stateListeners = stateListeners;
        this.hooks = hooks;
        this.fanOut = fanOut;
        this.afterClose = afterClose;
    }

    SessionState state() {
        return state;
    }

    OvsdbConnection current() {
        return current;
    }

    OvsdbException lastCause() {
        return lastCause;
    }

    void start() {
        onLoop(this::connect);
    }

    /** Closes for good; false if the loop has already stopped. */
    boolean close() {
        return onLoop(this::shutdown);
    }

    /** Adds a waiter completed at the next CONNECTED, or failed at close. */
    void await(CompletableFuture<OvsdbConnection> waiter) {
        if (!onLoop(() -> {
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
    }

    // ---- every method below runs on the loop thread, and asserts it ----

    private void connect() {
        assert loop.inLoop() : "off the session's event loop: " + Thread.currentThread().getName();
        if (closed) {
            return;
        }
        retry = null;
        long gen = ++generation;
        socketWatch.beforeAttempt();
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
        assert loop.inLoop() : "off the session's event loop: " + Thread.currentThread().getName();
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
                Throwable cause = Replies.unwrap(failure);
                String message = "on-connect hook " + (next + 1) + " of " + list.size() + " failed on " + endpoint
                        + ": " + cause.getMessage();
                failed(unanswered(cause) ? new OvsdbUnresponsiveException(message, cause)
                        : new OvsdbConnectionException(message, cause));
            }
        }));
    }

    private void ready(OvsdbConnection c) {
        assert loop.inLoop() : "off the session's event loop: " + Thread.currentThread().getName();
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
        assert loop.inLoop() : "off the session's event loop: " + Thread.currentThread().getName();
        if (gen != generation || closed) {
            return;
        }
        failed(cause == null
                ? new OvsdbConnectionException("connection to " + endpoint + " closed")
                : asOvsdbException(cause, "connection to " + endpoint + " lost"));
    }

    private void failed(OvsdbException cause) {
        assert loop.inLoop() : "off the session's event loop: " + Thread.currentThread().getName();
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
        socketWatch.start(this::newSocket);
    }

    /**
     * A server has (re)started at the unix path: connect now. The failure count stands, so if
     * this attempt fails too the backoff goes on from where it was.
     */
    private void newSocket() {
        assert loop.inLoop() : "off the session's event loop: " + Thread.currentThread().getName();
        if (closed || retry == null) {
            return;
        }
        retry.cancel();
        log.info("ovsdb endpoint={} event=new-socket action=connect", endpoint);
        connect();
    }

    private void shutdown() {
        assert loop.inLoop() : "off the session's event loop: " + Thread.currentThread().getName();
        closed = true;
        generation++;
        if (retry != null) {
            retry.cancel();
        }
        socketWatch.stop();
        OvsdbConnection c = current != null ? current : attempt;
        current = null;
        attempt = null;
        if (c != null) {
            c.close();
        }
        waiters.forEach(w -> w.completeExceptionally(closedException()));
        waiters.clear();
        transition(SessionEvent.of(SessionState.CLOSED));
        afterClose.run();
    }

    private void transition(SessionEvent event) {
        state = event.state();
        switch (event.state()) {
            case CONNECTING -> log.debug("ovsdb endpoint={} state=CONNECTING", endpoint);
            case CONNECTED -> log.info("ovsdb endpoint={} state=CONNECTED", endpoint);
            case DISCONNECTED -> {
                // The first failure of an outage is news; the retries after it are not: an
                // application that wants a periodic summary builds it from the state listener.
                String line = "ovsdb endpoint={} state=DISCONNECTED attempt={} retry_ms={} cause=\"{}\"";
                Object[] args = {endpoint, failures, event.reconnectDelay().map(Duration::toMillis).orElse(0L),
                    event.cause().map(Throwable::getMessage).orElse("")};
                if (failures <= 1) {
                    log.warn(line, args);
                } else {
                    log.debug(line, args);
                }
            }
            case CLOSED -> log.info("ovsdb endpoint={} state=CLOSED", endpoint);
        }
        stateListeners.forEach(l -> l.onStateChange(event), log, "session state");
    }

    /** Runs {@code task} on the loop; false if the loop has stopped (the session is closed). */
    boolean onLoop(Runnable task) {
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    OvsdbConnectionException notConnected(String method) {
        OvsdbException cause = lastCause;
        String why = cause == null ? "" : ": " + cause.getMessage();
        return new OvsdbConnectionException(method + " not sent: session to " + endpoint + " is " + state + why,
                cause);
    }

    OvsdbConnectionException closedException() {
        return new OvsdbConnectionException("session to " + endpoint + " is closed");
    }

    /** The server took the connection but let a call or the hook's wait time out. */
    private static boolean unanswered(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OvsdbTimeoutException || c instanceof OvsdbUnresponsiveException) {
                return true;
            }
        }
        return false;
    }

    private static OvsdbException asOvsdbException(Throwable t, String context) {
        Throwable cause = Replies.unwrap(t);
        return cause instanceof OvsdbException known ? known
                : new OvsdbConnectionException(context + ": " + cause.getMessage(), cause);
    }

    @Override
    public String toString() {
        return "Reconnector[" + endpoint + ", " + state + "]";
    }
}
