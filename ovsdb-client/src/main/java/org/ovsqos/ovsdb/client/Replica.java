package org.ovsqos.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.OvsdbRpcException;
import org.ovsqos.ovsdb.cache.CacheUpdateException;
import org.ovsqos.ovsdb.cache.TableCache;
import org.ovsqos.ovsdb.monitor.MonitorCondSinceResult;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.monitor.MonitorRequests;
import org.ovsqos.ovsdb.monitor.MonitorUpdate;
import org.ovsqos.ovsdb.monitor.TableUpdates;
import org.ovsqos.ovsdb.schema.DatabaseSchema;
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
    private final Map<String, MonitorRequest> requests;
    private final boolean conditional;
    /** Every monitor id of this replica starts with it, so the client can route by id. */
    private final String idPrefix;
    private final TableCache cache;
    private final CompletableFuture<Void> firstSync = new CompletableFuture<>();
    private final ListenerList<Runnable> syncListeners = new ListenerList<>();
    private volatile MonitorMethod method = MonitorMethod.MONITOR_COND_SINCE;

    // Guarded by this. Changed on the session's I/O thread, except by close().
    private Registration hook;
    private long monitorsMade;
    /** The connection the replica is installed, or being installed, on. */
    private OvsdbConnection attachedTo;
    /** The monitor whose updates the cache follows; null while (re)subscribing. */
    private JsonNode liveId;
    /** The last transaction the cache reflects, for monitor_cond_since; null when unknown. */
    private UUID lastTxnId;
    private boolean closed;

    Replica(OvsdbClient client, String database, Map<String, MonitorRequest> requests, Executor eventExecutor,
            long number) {
        this.client = client;
        this.database = database;
        this.requests = Collections.unmodifiableMap(new LinkedHashMap<>(requests));
        this.conditional = requests.values().stream().anyMatch(MonitorRequest::isConditional);
        this.idPrefix = "replica-" + number + "/";
        this.cache = TableCache.create(this.requests, eventExecutor);
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
        session.whenConnected().thenAccept(c -> session.execute(() -> catchUp(c)));
    }

    /**
     * The replicated rows, readable from any thread; add row listeners here. Empty until the
     * first sync; between connections it keeps the last content.
     */
    public TableCache cache() {
        return cache;
    }

    public String database() {
        return database;
    }

    /** The tables and columns replicated. */
    public Map<String, MonitorRequest> requests() {
        return requests;
    }

    /**
     * Completes, on the event executor, once the first monitor reply has been applied (after its
     * row events and the sync listeners) and the session is CONNECTED, so a call made next is
     * sent. Fails if the replica is closed (or gives up) first.
     */
    public CompletableFuture<Void> firstSync() {
        return firstSync.copy();
    }

    /**
     * Adds {@code listener}, run on the event executor after the row events of every (re)sync were
     * delivered: after each monitor reply applied on a new connection, or after a resync.
     */
    public Registration addSyncListener(Runnable listener) {
        return syncListeners.add(listener);
    }

    /**
     * The monitor method in use: {@link MonitorMethod#MONITOR_COND_SINCE} until the server says it
     * does not know it.
     */
    public MonitorMethod method() {
        return method;
    }

    /** The transaction id the replica would resume from; empty when the server gave none. */
    public synchronized Optional<UUID> lastTxnId() {
        return Optional.ofNullable(lastTxnId);
    }

    /**
     * Stops following the session and cancels the monitor ({@code monitor_cancel}, RFC 7047
     * section 4.1.7). The cache keeps its last content and receives nothing more. Idempotent.
     */
    @Override
    public void close() {
        OvsdbConnection c;
        JsonNode id;
        Registration registration;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            c = attachedTo;
            id = liveId;
            registration = hook;
            attachedTo = null;
            liveId = null;
        }
        if (registration != null) {
            registration.close();
        }
        client.removed(this);
        if (c != null && id != null) {
            cancelQuietly(c, id);
        }
        firstSync.completeExceptionally(new OvsdbConnectionException(
                "replica of " + database + " " + requests.keySet() + " closed before its first sync"));
        log.info("ovsdb replica db={} tables={} action=close", database, requests.keySet());
    }

    @Override
    public String toString() {
        return "Replica[" + database + " " + requests.keySet() + ", " + method + "]";
    }

    // ---- routing, called by the client on the I/O thread ----

    boolean owns(JsonNode monitorId) {
        return monitorId.isTextual() && monitorId.textValue().startsWith(idPrefix);
    }

    synchronized void onNotification(String notification, JsonNode params) {
        if (closed || liveId == null || !liveId.equals(params.path(0))) {
            return; // a monitor this replica has dropped: its last words do not count
        }
        if (notification.equals("monitor_canceled")) {
            log.warn("ovsdb replica db={} monitor={} event=monitor_canceled action=resync", database, liveId);
            client.forgetSchemas(attachedTo);
            resync();
            return;
        }
        try {
            MonitorUpdate update = Replies.update(notification, params);
            cache.apply(update.updates());
            update.lastTxnId().ifPresent(this::remember);
        } catch (OvsdbProtocolException e) {
            log.warn("ovsdb replica db={} notification={} rejected=\"{}\" action=resync", database, notification,
                    e.getMessage());
            resync();
        }
    }

    // ---- installing the monitor, on the I/O thread ----

    /** The on-connect hook: install on {@code c}; only a failure worth a reconnect fails it. */
    private CompletableFuture<Void> attach(OvsdbConnection c) {
        return install(c).handle((v, failure) -> {
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

    private void catchUp(OvsdbConnection c) {
        synchronized (this) {
            if (closed || attachedTo == c || !c.isOpen()) {
                return;
            }
        }
        attachOrDrop(c);
    }

    /** Attaches outside the session's hooks: a failure can only be cured by a new connection. */
    private void attachOrDrop(OvsdbConnection c) {
        attach(c).whenComplete((v, failure) -> {
            if (failure != null) {
                c.close();
            }
        });
    }

    private CompletableFuture<Void> install(OvsdbConnection c) {
        synchronized (this) {
            if (closed) {
                return CompletableFuture.completedFuture(null);
            }
            attachedTo = c;
            liveId = null;
        }
        return client.schemaOn(c, database).thenCompose(schema -> {
            bind(schema);
            return subscribe(c, method);
        });
    }

    private synchronized void bind(DatabaseSchema schema) {
        boolean hadSchema = cache.hasSchema();
        try {
            if (cache.bind(schema) && hadSchema) {
                // The server's transaction history does not span a schema change.
                log.info("ovsdb replica db={} schema_version={} event=schema_changed", database, schema.version());
                lastTxnId = null;
            }
        } catch (IllegalArgumentException e) {
            throw new Unrecoverable("cannot replicate " + requests.keySet() + " of " + database + ": "
                    + e.getMessage(), e);
        }
    }

    private CompletableFuture<Void> subscribe(OvsdbConnection c, MonitorMethod m) {
        if (conditional && !m.isConditional()) {
            return CompletableFuture.failedFuture(new Unrecoverable("the server at " + c.endpoint()
                    + " knows only monitor, which cannot filter the rows of " + requests.keySet(), null));
        }
        JsonNode id;
        UUID since;
        synchronized (this) {
            if (closed || attachedTo != c) {
                return CompletableFuture.completedFuture(null);
            }
            id = TextNode.valueOf(idPrefix + ++monitorsMade);
            since = lastTxnId;
        }
        var timeout = client.options().callTimeout();
        CompletableFuture<Void> subscribed = switch (m) {
            case MONITOR_COND_SINCE -> c.request(m.methodName(), timeout,
                    Replies.elements(MonitorRequests.monitorCondSinceParams(database, id, requests, Optional.ofNullable(since))),
                    MonitorCondSinceResult::fromJson)
                    .thenCompose(r -> synced(c, m, id, r.found(), r.lastTxnId(), r.updates()));
            case MONITOR_COND -> c.request(m.methodName(), timeout,
                    Replies.elements(MonitorRequests.monitorCondParams(database, id, requests)), TableUpdates::fromUpdate2Json)
                    .thenCompose(u -> synced(c, m, id, false, null, u));
            case MONITOR -> c.request(m.methodName(), timeout,
                    Replies.elements(MonitorRequests.monitorParams(database, id, requests)), TableUpdates::fromMonitorReply)
                    .thenCompose(u -> synced(c, m, id, false, null, u));
        };
        return subscribed.exceptionallyCompose(failure -> {
            Throwable cause = Replies.unwrap(failure);
            Optional<MonitorMethod> fallback = m.fallback();
            if (cause instanceof OvsdbRpcException rpc && "unknown method".equals(rpc.error()) && fallback.isPresent()) {
                log.info("ovsdb replica db={} method={} supported=false fallback={}", database, m.methodName(),
                        fallback.get().methodName());
                method = fallback.get();
                return subscribe(c, fallback.get());
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    /** Applies a monitor reply; on success the monitor becomes the one the cache follows. */
    private CompletableFuture<Void> synced(OvsdbConnection c, MonitorMethod m, JsonNode id, boolean found,
            UUID txn, TableUpdates updates) {
        synchronized (this) {
            if (closed || attachedTo != c) {
                cancelQuietly(c, id); // superseded while the reply was on its way
                return CompletableFuture.completedFuture(null);
            }
            try {
                if (found) {
                    cache.apply(updates);
                } else {
                    cache.replaceAll(updates);
                }
            } catch (CacheUpdateException e) {
                if (!found) {
                    return CompletableFuture.failedFuture(e);
                }
                log.warn("ovsdb replica db={} since={} rejected=\"{}\" action=resync", database, lastTxnId,
                        e.getMessage());
                lastTxnId = null;
                cancelQuietly(c, id);
                return subscribe(c, m);
            }
            if (m == MonitorMethod.MONITOR_COND_SINCE) {
                remember(txn);
            }
            liveId = id;
        }
        log.info("ovsdb replica db={} method={} found={} rows={} action=synced", database, m.methodName(), found,
                updates.rowCount());
        cache.runAfterEvents(() -> syncListeners.forEach(Runnable::run, log, "replica sync"));
        // This runs in the on-connect hook, before the session reports CONNECTED; whoever waits
        // for the first sync wants to use the client next, so it completes once calls work.
        client.session().whenConnected().thenRun(() -> cache.runAfterEvents(() -> firstSync.complete(null)));
        return CompletableFuture.completedFuture(null);
    }

    /** Lock held. Drops the live monitor and subscribes afresh on the same connection. */
    private void resync() {
        OvsdbConnection c = attachedTo;
        JsonNode old = liveId;
        liveId = null;
        lastTxnId = null;
        if (c == null || !c.isOpen()) {
            return; // the next connection's hook resubscribes
        }
        if (old != null) {
            cancelQuietly(c, old);
        }
        attachOrDrop(c);
    }

    private void remember(UUID txn) {
        lastTxnId = txn == null || txn.equals(MonitorRequests.NO_TXN_ID) ? null : txn;
    }

    private void giveUp(Unrecoverable failure) {
        log.error("ovsdb replica db={} tables={} error=\"{}\" action=give-up", database, requests.keySet(),
                failure.getMessage());
        firstSync.completeExceptionally(new OvsdbException(failure.getMessage(), failure.getCause()));
        close();
    }

    private void cancelQuietly(OvsdbConnection c, JsonNode id) {
        if (c.isOpen()) {
            c.request("monitor_cancel", client.options().callTimeout(), List.of(id), r -> null)
                    .whenComplete((v, e) -> {
                        if (e != null) {
                            log.debug("ovsdb replica db={} monitor={} monitor_cancel failed: {}", database, id,
                                    e.toString());
                        }
                    });
        }
    }

    /** A failure that no reconnect cures: the replica gives up instead of making the session flap. */
    private static final class Unrecoverable extends OvsdbException {
        private static final long serialVersionUID = 1L;

        Unrecoverable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
