package org.ovsqos.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.OvsdbRpcException;
import org.ovsqos.ovsdb.Registration;
import org.ovsqos.ovsdb.cache.CacheUpdateException;
import org.ovsqos.ovsdb.cache.TableCache;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.monitor.Where;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica of some tables and columns of one database, kept in a {@link TableCache} across
 * reconnects; made by {@link OvsdbClient#replicate}.
 *
 * <p><b>On every connection</b>, before the session reports {@link SessionState#CONNECTED} (it is
 * an {@link ConnectHook on-connect hook}), the replica fetches the schema (RFC 7047 section 4.1.2)
 * and creates its monitor with the best method the server knows ({@link #method()}):
 * {@code monitor_cond_since} with the last transaction id it saw (ovsdb-server(7) section 4.1.15),
 * else {@code monitor_cond} (4.1.12), else {@code monitor} (RFC 7047 section 4.1.5). A server that
 * answers {@code "unknown method"} is remembered, and the next method is tried. The reply fills
 * the cache: when {@code monitor_cond_since} found the transaction, only the changes since then
 * are applied to the rows kept from the last connection; otherwise the reply's whole content
 * replaces them ({@link TableCache#replaceAll}), which emits row events only for what differs.
 * Then the {@code update}/{@code update2}/{@code update3} notifications of its monitor (RFC 7047
 * section 4.1.6, ovsdb-server(7) sections 4.1.14 and 4.1.16) are applied as they come.
 *
 * <p><b>Changing the rows replicated.</b> {@link #changeWhere} gives tables new conditions on
 * the live monitor ({@code monitor_cond_change}, ovsdb-server(7) section 4.1.13). As Open
 * vSwitch's own IDL does, a new monitor asks only for conditions the server has accepted, and the
 * newer ones follow it: a condition the server refuses fails that call and never a reconnect.
 *
 * <p><b>Never a wrong cache.</b> An update the cache rejects (a change to a row it does not hold,
 * a value that does not fit the schema: {@link CacheUpdateException}) leaves the cache as it was;
 * the replica logs it, drops that monitor and creates a new one without a transaction id, whose
 * whole content replaces the cache. If that fails too, it drops the connection and the session
 * reconnects. The same happens when the server cancels the monitor ({@code monitor_canceled}).
 * While disconnected, the cache keeps the last content it had: stale, never torn.
 *
 * <p><b>Threads.</b> The cache can be read from any thread. Row events
 * ({@code cache().addListener}), the {@link #addSyncListener sync listeners} and
 * {@link #firstSync()} run on the event executor given at creation, in order, one at a time.
 *
 * <p>A replica that cannot work at all (the server has no such database; its schema lacks a
 * requested table or column; it knows only {@code monitor} and a request has a {@code where})
 * logs an error, fails {@link #firstSync()} and closes itself, leaving the session alone. Other
 * failures (a call timing out, the connection dropping) fail the on-connect hook, so the session
 * drops the connection and tries again after its backoff.
 */
public final class Replica implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Replica.class);

    private final OvsdbClient client;
    private final String database;
    private final ReplicaMonitor monitor;
    // Guarded by this.
    private Registration hook;

    Replica(OvsdbClient client, String database, Map<String, MonitorRequest> requests, Executor eventExecutor,
            long number) {
        this.client = client;
        this.database = database;
        this.monitor = new ReplicaMonitor(this, client, database, requests, eventExecutor, number);
    }

    /** Starts following the session's connections. */
    void follow() {
        OvsdbSession session = client.session();
        Registration registration = session.addConnectHook(this::attach);
        synchronized (this) {
            hook = registration;
        }
        // A hook added while a connection is up (or running its hooks) first runs on the next
        // one: catch up on the current connection, on the I/O thread like the hook would.
        session.whenConnected().thenAccept(c -> session.execute(() -> {
            if (monitor.isNewTo(c)) {
                attachOrDrop(c);
            }
        }));
    }

    /**
     * The replicated rows, readable from any thread; add row listeners here. Empty until the
     * first sync; between connections it keeps the last content.
     */
    public TableCache cache() {
        return monitor.cache();
    }

    public String database() {
        return database;
    }

    /** The tables and columns replicated, with the conditions of the last {@link #changeWhere}. */
    public Map<String, MonitorRequest> requests() {
        return monitor.wanted();
    }

    /**
     * Gives the tables of {@code wheres} new conditions; the others keep theirs. The server sends
     * the rows that start matching as inserts and those that stop as deletes, which reach the
     * cache's listeners as row events. Completes, on the event executor, once the server has
     * accepted the conditions and those events are delivered; while there is no live monitor,
     * once the next one has. Fails, the accepted conditions staying, with the server's
     * {@link OvsdbRpcException} (e.g. {@code "unknown column"}) if it refuses them, or with an
     * {@link IllegalStateException} if the server knows only {@code monitor}, or the replica is
     * closed.
     *
     * @throws IllegalArgumentException naming a table the replica does not monitor
     */
    public CompletableFuture<Void> changeWhere(Map<String, Where> wheres) {
        return monitor.changeWhere(new LinkedHashMap<>(wheres));
    }

    /**
     * Completes, on the event executor, once the first monitor reply has been applied (after its
     * row events and the sync listeners) and the session is CONNECTED, so a call made next is
     * sent. Fails if the replica is closed (or gives up) first.
     */
    public CompletableFuture<Void> firstSync() {
        return monitor.firstSync.copy();
    }

    /**
     * Adds {@code listener}, run on the event executor after the row events of every (re)sync were
     * delivered: after each monitor reply applied on a new connection, or after a resync.
     */
    public Registration addSyncListener(Runnable listener) {
        return monitor.syncListeners.add(listener);
    }

    /**
     * The monitor method in use: {@link MonitorMethod#MONITOR_COND_SINCE} until the server says it
     * does not know it.
     */
    public MonitorMethod method() {
        return monitor.method();
    }

    /** The transaction id the replica would resume from; empty when the server gave none. */
    public Optional<UUID> lastTxnId() {
        return monitor.lastTxnId();
    }

    /**
     * Stops following the session and cancels the monitor ({@code monitor_cancel}, RFC 7047
     * section 4.1.7). The cache keeps its last content and receives nothing more; the futures of
     * {@link #firstSync()} and of {@link #changeWhere} still waiting fail. Idempotent.
     */
    @Override
    public void close() {
        if (!monitor.close()) {
            return;
        }
        Registration registration;
        synchronized (this) {
            registration = hook;
        }
        if (registration != null) {
            registration.close();
        }
        client.removed(this);
        log.info("ovsdb replica db={} tables={} action=close", database, monitor.tables());
    }

    @Override
    public String toString() {
        return "Replica[" + database + " " + monitor.tables() + ", " + monitor.method() + "]";
    }

    // ---- routing, called by the client on the I/O thread ----

    boolean owns(JsonNode monitorId) {
        return monitor.owns(monitorId);
    }

    void onNotification(String notification, JsonNode params) {
        monitor.onNotification(notification, params);
    }

    // ---- following the connections, on the I/O thread ----

    /** The on-connect hook: install on {@code c}; only a failure worth a reconnect fails it. */
    private CompletableFuture<Void> attach(OvsdbConnection c) {
        return monitor.install(c).handle((v, failure) -> {
            if (failure == null) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            Throwable cause = Replies.unwrap(failure);
            if (cause instanceof OvsdbRpcException rpc && "unknown database".equals(rpc.error())) {
                cause = new Unrecoverable("the server at " + c.endpoint() + " has no database " + database, rpc);
            }
            if (cause instanceof Unrecoverable u) {
                giveUp(u);
                return CompletableFuture.<Void>completedFuture(null);
            }
            // The session reports this failure as the cause of its reconnect; saying it again at
            // every attempt of an outage would flood the log.
            log.debug("ovsdb replica db={} error=\"{}\" action=reconnect", database, cause.getMessage());
            return CompletableFuture.<Void>failedFuture(cause);
        }).thenCompose(Function.identity());
    }

    /** Attaches outside the session's hooks: a failure can only be cured by a new connection. */
    void attachOrDrop(OvsdbConnection c) {
        attach(c).whenComplete((v, failure) -> {
            if (failure != null) {
                c.close();
            }
        });
    }

    private void giveUp(Unrecoverable failure) {
        log.error("ovsdb replica db={} tables={} error=\"{}\" action=give-up", database, monitor.tables(),
                failure.getMessage());
        monitor.firstSync.completeExceptionally(new OvsdbException(failure.getMessage(), failure.getCause()));
        close();
    }
}
