package org.ovsqos.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.OvsdbRpcException;
import org.ovsqos.ovsdb.OvsdbTimeoutException;
import org.ovsqos.ovsdb.Registration;
import org.ovsqos.ovsdb.monitor.MonitorCondSinceResult;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.monitor.MonitorRequests;
import org.ovsqos.ovsdb.monitor.TableUpdates;
import org.ovsqos.ovsdb.monitor.Where;
import org.ovsqos.ovsdb.operation.Operation;
import org.ovsqos.ovsdb.operation.OperationResult;
import org.ovsqos.ovsdb.operation.OvsdbOperationException;
import org.ovsqos.ovsdb.operation.TransactionCodec;
import org.ovsqos.ovsdb.schema.DatabaseSchema;

/**
 * An OVSDB client (RFC 7047): every method of section 4.1 and the Open vSwitch extensions, with
 * typed arguments and results, over a {@link OvsdbSession} that reconnects by itself, plus
 * {@link Replica managed replicas} of tables that survive reconnects.
 *
 * <pre>{@code
 * OvsdbClient client = OvsdbClient.create(Endpoint.defaultEndpoint(), OvsdbOptions.defaults()).start();
 * client.session().whenConnected().join();
 * List<OperationResult> results = client.transact("Open_vSwitch", List.of(
 *         Operation.select("Bridge", List.of()))).join();
 * }</pre>
 *
 * <p><b>Calls.</b> Every call goes to the current connection and returns a future. No call is
 * queued: while the session is not {@link SessionState#CONNECTED} the future fails at once with an
 * {@link OvsdbConnectionException}, and so do the calls pending when the connection drops. A call
 * fails with {@link OvsdbTimeoutException} after {@link OvsdbOptions#callTimeout()} (or the
 * timeout given), with {@link OvsdbRpcException} when the server answers with an error, and with
 * {@link OvsdbProtocolException} when the answer has the wrong shape. Futures complete on the
 * session's I/O thread: do not block in their continuations.
 *
 * <p><b>Cancelling a call</b> (RFC 7047 section 4.1.4). {@code cancel(...)} on the future a method
 * returns (not on a stage derived from it; the flag makes no difference) abandons the call and
 * sends the server a {@code cancel} notification with the request's id, so a {@code transact}
 * still held by a {@code wait} is dropped by the server and never commits. A call that times out
 * is cancelled on the server the same way. A request the server has already answered is not
 * undone.
 *
 * <p><b>Monitors.</b> {@link #monitor}, {@link #monitorCond} and {@link #monitorCondSince} make
 * low-level monitors that live as long as the connection they were made on; their updates go to
 * the {@link #addMonitorListener monitor listeners}. {@link #replicate} makes a managed
 * {@link Replica}, which re-creates its monitor on every new connection and keeps a
 * {@link org.ovsqos.ovsdb.cache.TableCache} in step.
 *
 * <p>Thread-safe. {@link #close()} closes the replicas and the session.
 */
public final class OvsdbClient implements AutoCloseable {

    private final OvsdbSession session;
    private final OvsdbOptions options;
    private final NotificationRouter notifications = new NotificationRouter();
    private final AtomicLong replicaCount = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SchemaCache schemas;

    OvsdbClient(OvsdbSession session, OvsdbOptions options) {
        this.session = session;
        this.options = options;
        this.schemas = new SchemaCache(options.callTimeout());
        session.addNotificationListener(notifications);
    }

    /** {@link #create(Endpoint, OvsdbOptions)} with {@link OvsdbOptions#defaults()}. */
    public static OvsdbClient create(Endpoint endpoint) {
        return create(endpoint, OvsdbOptions.defaults());
    }

    /**
     * A client of the server at {@code endpoint}, not yet connecting: add listeners and replicas,
     * then {@link #start()}.
     */
    public static OvsdbClient create(Endpoint endpoint, OvsdbOptions options) {
        Objects.requireNonNull(options, "options");
        return new OvsdbClient(OvsdbSession.create(endpoint, options), options);
    }

    /** Starts connecting, and reconnecting after every loss, until {@link #close()}. Idempotent. */
    public OvsdbClient start() {
        session.start();
        return this;
    }

    /** The session under this client: its state, state listeners and on-connect hooks. */
    public OvsdbSession session() {
        return session;
    }

    /** The options this client was created with. */
    public OvsdbOptions options() {
        return options;
    }

    /** {@code list_dbs} (RFC 7047 section 4.1.1): the names of the server's databases. */
    public CompletableFuture<List<String>> listDbs() {
        return session.request("list_dbs", options.callTimeout(), List.of(), Replies::databaseNames);
    }

    /**
     * {@code get_schema} (RFC 7047 section 4.1.2), parsed. A schema is fetched once per connection
     * and then answered from memory, since it changes only with a restart or a conversion, which
     * ends connections (or, for a {@link #setDbChangeAware change-aware} client, cancels its
     * monitors: the cache is then forgotten).
     */
    public CompletableFuture<DatabaseSchema> getSchema(String db) {
        Objects.requireNonNull(db, "db");
        Optional<OvsdbConnection> c = session.connection();
        if (c.isEmpty()) {
            return CompletableFuture.failedFuture(session.notConnected("get_schema"));
        }
        return schemas.get(c.get(), db).copy();
    }

    /** {@link #transact(String, Duration, List)} with the default call timeout. */
    public CompletableFuture<List<OperationResult>> transact(String db, List<Operation> ops) {
        return transact(db, options.callTimeout(), ops);
    }

    /** {@link #transact(String, List)} of {@code ops}. */
    public CompletableFuture<List<OperationResult>> transact(String db, Operation... ops) {
        return transact(db, Arrays.asList(ops));
    }

    /**
     * {@code transact} (RFC 7047 section 4.1.3): runs {@code ops} as one transaction, all or
     * nothing. Completes with one result per operation, or fails with the
     * {@link OvsdbOperationException} subclass for the first error (carrying the failing operation
     * and its index; {@link OvsdbOperationException#isCommitError()} for a commit that failed after
     * every operation succeeded), in which case nothing was applied.
     *
     * @param timeout how long to wait for the reply; give a {@code wait} operation's timeout room
     */
    public CompletableFuture<List<OperationResult>> transact(String db, Duration timeout, List<Operation> ops) {
        Objects.requireNonNull(db, "db");
        List<Operation> operations = List.copyOf(ops);
        return session.request("transact", timeout, TransactionCodec.params(db, operations),
                result -> TransactionCodec.parseResult(operations, result));
    }

    /** {@code echo} (RFC 7047 section 4.1.11): the server returns {@code params} as they are. */
    public CompletableFuture<JsonNode> echo(JsonNode... params) {
        return session.request("echo", options.callTimeout(), Arrays.asList(params), Function.identity());
    }

    /** {@code get_server_id} (ovsdb-server(7) 4.1.17): the server process's UUID, new at each start. */
    public CompletableFuture<UUID> getServerId() {
        return session.request("get_server_id", options.callTimeout(), List.of(), Replies::serverId);
    }

    /**
     * {@code convert} (ovsdb-server(7) section 4.1.19, Open vSwitch 2.9 and later): converts the
     * database named like {@code schema}, online and atomically, to it. Rows keep the columns the
     * new schema has, new columns take their defaults, and every constraint of the new schema must
     * hold, or the server refuses with its reason ({@link OvsdbRpcException}). Once converted, the
     * server cancels the monitors of {@link #setDbChangeAware change-aware} connections and drops
     * the others, this one too once it has replied: the session reconnects, replicas resync.
     */
    public CompletableFuture<Void> convert(DatabaseSchema schema) {
        return session.request("convert", options.callTimeout(),
                List.of(TextNode.valueOf(schema.name()), schema.toJson()), result -> null);
    }

    /**
     * {@code set_db_change_aware} (ovsdb-server(7) section 4.1.18): when {@code aware}, the server
     * no longer disconnects this connection when a database is added, removed or converted, but
     * cancels the affected monitors ({@link MonitorListener#onCanceled}); a {@link Replica}
     * re-creates its own. Per connection: call it again after a reconnect, e.g. from an
     * on-connect hook.
     */
    public CompletableFuture<Void> setDbChangeAware(boolean aware) {
        return session.request("set_db_change_aware", options.callTimeout(), List.of(BooleanNode.valueOf(aware)),
                result -> null);
    }

    /**
     * {@code lock} (RFC 7047 section 4.1.8): asks for the lock {@code lockId}. Completes with
     * {@code true} when this client got it at once, {@code false} when it is queued behind the
     * owner; a {@link LockListener#locked} notification follows once it is granted. Locks belong
     * to the connection (see {@link LockListener}).
     *
     * @return fails with {@link OvsdbRpcException} if this connection already asked for the lock
     */
    public CompletableFuture<Boolean> lock(String lockId) {
        return session.request("lock", options.callTimeout(), List.of(TextNode.valueOf(Replies.lockName(lockId))),
                result -> Replies.locked("lock", result));
    }

    /**
     * {@code steal} (RFC 7047 section 4.1.8): takes the lock {@code lockId} at once; its previous
     * owner gets a {@link LockListener#stolen} notification.
     */
    public CompletableFuture<Void> steal(String lockId) {
        return session.request("steal", options.callTimeout(), List.of(TextNode.valueOf(Replies.lockName(lockId))),
                Replies::stolen);
    }

    /**
     * {@code unlock} (RFC 7047 section 4.1.8): gives up the lock {@code lockId}, or leaves its
     * queue; the next waiter gets {@link LockListener#locked}.
     */
    public CompletableFuture<Void> unlock(String lockId) {
        return session.request("unlock", options.callTimeout(), List.of(TextNode.valueOf(Replies.lockName(lockId))),
                result -> null);
    }

    /** Adds a listener for {@code locked} and {@code stolen} notifications. */
    public Registration addLockListener(LockListener listener) {
        return notifications.lockListeners.add(listener);
    }

    /**
     * {@code monitor} (RFC 7047 section 4.1.5) on the current connection: completes with the
     * initial rows ({@link org.ovsqos.ovsdb.monitor.RowUpdate.Initial}); later changes come to the
     * {@link #addMonitorListener monitor listeners} as {@code update} notifications with
     * {@code monitorId}. Add the listener first, so that no update is missed.
     *
     * @param monitorId any JSON value, unique among this connection's monitors
     * @param requests table name to its requests, usually one ({@code List.of(request)}); several
     *     give columns their own {@link org.ovsqos.ovsdb.monitor.MonitorSelect} (see
     *     {@link MonitorRequests} for the rules)
     * @throws IllegalArgumentException if a request has a {@code where}, or requests overlap
     */
    public CompletableFuture<TableUpdates> monitor(String db, JsonNode monitorId,
            Map<String, List<MonitorRequest>> requests) {
        return session.request("monitor", options.callTimeout(),
                MonitorRequests.monitorParams(db, monitorId, requests), TableUpdates::fromMonitorReply);
    }

    /**
     * {@code monitor_cond} (ovsdb-server(7) section 4.1.12): like {@link #monitor}, and each
     * table's {@code where} chooses the rows; later changes come as {@code update2}.
     */
    public CompletableFuture<TableUpdates> monitorCond(String db, JsonNode monitorId,
            Map<String, List<MonitorRequest>> requests) {
        return session.request("monitor_cond", options.callTimeout(),
                MonitorRequests.monitorCondParams(db, monitorId, requests), TableUpdates::fromUpdate2Json);
    }

    /**
     * {@code monitor_cond_since} (ovsdb-server(7) section 4.1.15): like {@link #monitorCond}, but
     * when the server still knows transaction {@code lastTxnId} the reply holds only the changes
     * since it ({@link MonitorCondSinceResult#found()}); later changes come as {@code update3},
     * each with the transaction id to resume from.
     *
     * @param lastTxnId the last transaction the caller has seen; empty for everything
     */
    public CompletableFuture<MonitorCondSinceResult> monitorCondSince(String db, JsonNode monitorId,
            Map<String, List<MonitorRequest>> requests, Optional<UUID> lastTxnId) {
        return session.request("monitor_cond_since", options.callTimeout(),
                MonitorRequests.monitorCondSinceParams(db, monitorId, requests, lastTxnId),
                MonitorCondSinceResult::fromJson);
    }

    /**
     * {@code monitor_cond_change} (ovsdb-server(7) section 4.1.13): new conditions for the listed
     * tables of a conditional monitor, which from now on is known as {@code newMonitorId} (it may
     * be the same). The server sends the rows that start or stop matching as an update.
     */
    public CompletableFuture<Void> monitorCondChange(JsonNode monitorId, JsonNode newMonitorId,
            Map<String, Where> wheres) {
        return session.request("monitor_cond_change", options.callTimeout(),
                MonitorRequests.monitorCondChangeParams(monitorId, newMonitorId, wheres), result -> null);
    }

    /**
     * {@code monitor_cancel} (RFC 7047 section 4.1.7): ends a monitor; no update for it follows
     * the reply. Fails with {@link OvsdbRpcException} {@code "unknown monitor"} for an id this
     * connection has no monitor for.
     */
    public CompletableFuture<Void> monitorCancel(JsonNode monitorId) {
        return session.request("monitor_cancel", options.callTimeout(), List.of(monitorId), result -> null);
    }

    /**
     * Adds a listener for the updates of the monitors made with this client's low-level methods.
     * A malformed update is logged and dropped: a listener that must never miss one is better
     * served by a {@link Replica}, which resynchronises by itself.
     */
    public Registration addMonitorListener(MonitorListener listener) {
        return notifications.monitorListeners.add(listener);
    }

    /**
     * A managed replica of {@code requests}' tables and columns of {@code db}, kept across
     * reconnects; see {@link Replica}. It starts at the next connection, or at once on the
     * current one.
     *
     * @param requests table name to what to monitor; each must select every kind of change
     *     ({@link org.ovsqos.ovsdb.monitor.MonitorSelect#ALL}), which a replica needs
     * @param eventExecutor where the cache's row events and the sync callbacks run, in order
     */
    public Replica replicate(String db, Map<String, MonitorRequest> requests, Executor eventExecutor) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(eventExecutor, "eventExecutor");
        if (closed.get()) {
            throw new IllegalStateException("client of " + session.endpoint() + " is closed");
        }
        Replica replica = new Replica(this, db, requests, eventExecutor, replicaCount.incrementAndGet());
        notifications.replicas.add(replica);
        replica.follow();
        return replica;
    }

    /** Closes every replica and the session; pending calls fail. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            List.copyOf(notifications.replicas).forEach(Replica::close);
        }
        session.close();
    }

    @Override
    public String toString() {
        return "OvsdbClient[" + session.endpoint() + ", " + session.state() + "]";
    }

    // ---- for Replica ----

    /** The schemas fetched, once per connection. */
    SchemaCache schemas() {
        return schemas;
    }

    void removed(Replica replica) {
        notifications.replicas.remove(replica);
    }
}
