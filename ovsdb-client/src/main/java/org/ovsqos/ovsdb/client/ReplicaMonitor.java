package org.ovsqos.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.OvsdbRpcException;
import org.ovsqos.ovsdb.cache.CacheUpdateException;
import org.ovsqos.ovsdb.cache.TableCache;
import org.ovsqos.ovsdb.monitor.MonitorCondSinceResult;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.monitor.MonitorRequests;
import org.ovsqos.ovsdb.monitor.MonitorUpdate;
import org.ovsqos.ovsdb.monitor.Where;
import org.ovsqos.ovsdb.schema.DatabaseSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state machine behind a {@link Replica}: installs its monitor on every connection, applies
 * the replies and updates to the cache, resubscribes when the cache rejects one, and carries
 * condition changes to the server. Its methods run on the session's I/O thread, but for
 * {@link #close()} and {@link #changeWhere}; its state is guarded by its lock.
 */
final class ReplicaMonitor {

    private static final Logger log = LoggerFactory.getLogger(Replica.class);

    private final OvsdbClient client;
    private final String database;
    /** Every monitor id of this replica starts with it, so the client can route by id. */
    private final String idPrefix;
    private final Set<String> tables;
    private final TableCache cache;
    private final Replica replica;
    final CompletableFuture<Void> firstSync = new CompletableFuture<>();
    final ListenerList<Runnable> syncListeners = new ListenerList<>();
    private volatile MonitorMethod method = MonitorMethod.MONITOR_COND_SINCE;

    // Guarded by this.
    private final ReplicaRequests requests;
    private long monitorsMade;
    /** The connection the replica is installed, or being installed, on. */
    private OvsdbConnection attachedTo;
    /** The monitor whose updates the cache follows; null while (re)subscribing. */
    private JsonNode liveId;
    /** The last transaction the cache reflects, for monitor_cond_since; null when unknown. */
    private UUID lastTxnId;
    private boolean closed;

    ReplicaMonitor(Replica replica, OvsdbClient client, String database, Map<String, MonitorRequest> requests,
            Executor eventExecutor, long number) {
        this.replica = replica;
        this.client = client;
        this.database = database;
        this.requests = new ReplicaRequests(this, requests);
        this.tables = this.requests.confirmed().requests().keySet();
        this.idPrefix = "replica-" + number + "/";
        this.cache = TableCache.create(this.requests.confirmed().requests(), eventExecutor);
    }

    TableCache cache() {
        return cache;
    }

    MonitorMethod method() {
        return method;
    }

    synchronized Map<String, MonitorRequest> wanted() {
        return requests.wanted().requests();
    }

    synchronized Optional<UUID> lastTxnId() {
        return Optional.ofNullable(lastTxnId);
    }

    /**
     * Stops, cancels the live monitor and fails what waits on the replica.
     *
     * @return false if it was closed already
     */
    boolean close() {
        OvsdbConnection c;
        JsonNode id;
        List<CompletableFuture<Void>> waiting;
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            c = attachedTo;
            id = liveId;
            attachedTo = null;
            liveId = null;
            waiting = requests.drain();
        }
        if (c != null && id != null) {
            cancelQuietly(c, id);
        }
        var failure = new OvsdbConnectionException("replica of " + database + " " + tables + " closed");
        firstSync.completeExceptionally(failure);
        waiting.forEach(f -> f.completeExceptionally(failure));
        return true;
    }

    /** Whether {@code c} needs the monitor installed: it is open and not the one in use. */
    synchronized boolean isNewTo(OvsdbConnection c) {
        return !closed && attachedTo != c && c.isOpen();
    }

    /** See {@link Replica#changeWhere}. */
    CompletableFuture<Void> changeWhere(Map<String, Where> wheres) {
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the replica is closed"));
            }
            CompletableFuture<Void> accepted = requests.change(wheres);
            pushConditions();
            return accepted;
        }
    }

    Set<String> tables() {
        return tables;
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
            client.schemas().forget(attachedTo);
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

    /** Makes the monitor on {@code c} and applies its reply; see {@link Replica}. */
    CompletableFuture<Void> install(OvsdbConnection c) {
        synchronized (this) {
            if (closed) {
                return CompletableFuture.completedFuture(null);
            }
            attachedTo = c;
            liveId = null;
            if (requests.unanswered()) {
                // The server may have applied it, and the cache its rows: resuming could keep them.
                lastTxnId = null;
            }
        }
        return client.schemas().get(c, database).thenCompose(schema -> {
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
            throw new Unrecoverable("cannot replicate " + tables() + " of " + database + ": "
                    + e.getMessage(), e);
        }
    }

    private CompletableFuture<Void> subscribe(OvsdbConnection c, MonitorMethod m) {
        JsonNode id;
        UUID since;
        ReplicaRequests.Snapshot sent;
        synchronized (this) {
            if (closed || attachedTo != c) {
                return CompletableFuture.completedFuture(null);
            }
            sent = requests.confirmed();
            id = TextNode.valueOf(idPrefix + ++monitorsMade);
            since = lastTxnId;
        }
        if (sent.conditional() && !m.isConditional()) {
            return CompletableFuture.failedFuture(new Unrecoverable("the server at " + c.endpoint()
                    + " knows only monitor, which cannot filter the rows of " + tables(), null));
        }
        return m.request(c, client.options().callTimeout(), database, id, sent.lists(), Optional.ofNullable(since))
                .thenCompose(r -> synced(c, m, id, r))
                .exceptionallyCompose(failure -> {
                    Throwable cause = Replies.unwrap(failure);
                    Optional<MonitorMethod> fallback = m.fallback();
                    if (cause instanceof OvsdbRpcException rpc && "unknown method".equals(rpc.error())
                            && fallback.isPresent()) {
                        log.info("ovsdb replica db={} method={} supported=false fallback={}", database,
                                m.methodName(), fallback.get().methodName());
                        method = fallback.get();
                        return subscribe(c, fallback.get());
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    /** Applies a monitor reply; on success the monitor becomes the one the cache follows. */
    private CompletableFuture<Void> synced(OvsdbConnection c, MonitorMethod m, JsonNode id, MonitorCondSinceResult r) {
        synchronized (this) {
            if (closed || attachedTo != c) {
                cancelQuietly(c, id); // superseded while the reply was on its way
                return CompletableFuture.completedFuture(null);
            }
            try {
                if (r.found()) {
                    cache.apply(r.updates());
                } else {
                    cache.replaceAll(r.updates());
                }
            } catch (CacheUpdateException e) {
                if (!r.found()) {
                    return CompletableFuture.failedFuture(e);
                }
                log.warn("ovsdb replica db={} since={} rejected=\"{}\" action=resync", database, lastTxnId,
                        e.getMessage());
                lastTxnId = null;
                cancelQuietly(c, id);
                return subscribe(c, m);
            }
            if (m == MonitorMethod.MONITOR_COND_SINCE) {
                remember(r.lastTxnId());
            }
            liveId = id;
            pushConditions();
        }
        log.info("ovsdb replica db={} method={} found={} rows={} action=synced", database, m.methodName(), r.found(),
                r.updates().rowCount());
        cache.runAfterEvents(() -> syncListeners.forEach(Runnable::run, log, "replica sync"));
        // This runs in the on-connect hook, before the session reports CONNECTED; whoever waits
        // for the first sync wants to use the client next, so it completes once calls work.
        client.session().whenConnected().thenRun(() -> cache.runAfterEvents(() -> firstSync.complete(null)));
        return CompletableFuture.completedFuture(null);
    }

    // ---- condition changes, carried by ReplicaRequests ----

    /** Lock held. Sends the conditions the server lacks, if a live monitor can take them now. */
    private void pushConditions() {
        if (!closed && liveId != null && attachedTo.isOpen()) {
            requests.push(attachedTo, liveId, method, client.options().callTimeout());
        }
    }

    synchronized void conditionsAnswered(JsonNode id, Map<String, Where> change, Throwable failure) {
        boolean live = !closed && id.equals(liveId);
        if (requests.answered(id, live, change, failure)) {
            // The server may have the new conditions or not, and the cache their rows.
            lastTxnId = null;
            if (live) {
                resync();
            }
        }
        pushConditions();
    }

    void completeAfterEvents(List<CompletableFuture<Void>> futures) {
        if (!futures.isEmpty()) {
            cache.runAfterEvents(() -> futures.forEach(f -> f.complete(null)));
        }
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
        replica.attachOrDrop(c);
    }

    private void remember(UUID txn) {
        lastTxnId = txn == null || txn.equals(MonitorRequests.NO_TXN_ID) ? null : txn;
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
}
