package org.ovsqos.ovsdb.cache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.ovsqos.ovsdb.Registration;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.monitor.RowUpdate;
import org.ovsqos.ovsdb.monitor.TableUpdate;
import org.ovsqos.ovsdb.monitor.TableUpdates;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.schema.DatabaseSchema;
import org.ovsqos.ovsdb.schema.TableSchema;

/**
 * A replica of the monitored tables and columns, kept from the updates of a monitor: the
 * {@code update} form (RFC 7047 section 4.1.6) and the {@code update2}/{@code update3} form
 * (ovsdb-server(7) sections 4.1.14 and 4.1.16), whose diffs it applies with the schema.
 *
 * <p><b>Consistency.</b> Each {@link #apply} or {@link #replaceAll} is atomic: it is checked
 * whole before anything changes, then published as a new {@link CacheSnapshot}. Readers on any
 * thread see the content before or after an update, never part of one. An update that does not
 * fit ({@link CacheUpdateException}) leaves the cache as it was.
 *
 * <p><b>Events.</b> Every change becomes a {@link RowEvent}, delivered to the listeners in the
 * order the updates were applied, one at a time, on the executor given at creation (tasks are
 * serialised, so even a pool delivers them in order on one thread at a time). Within one update,
 * deletions come first, so a consumer that keys rows by a unique column never sees two rows with
 * the same key. A listener sees the events of exactly the updates applied after it was added.
 *
 * <p>Writers ({@code apply}, {@code replaceAll}) may be called from any thread; the session calls
 * them from its I/O thread, in the order the server sent the updates.
 */
public final class TableCache {
    private final Map<String, MonitorRequest> monitored;
    private final EventDispatcher dispatcher;
    /** Null until {@link #bind}; written under the writer lock, read by {@link #schema()} from anywhere. */
    private volatile DatabaseSchema schema;
    /** Empty until {@link #bind}; only read and written under the writer lock. */
    private Map<String, CachedTable> tables = Map.of();
    private volatile CacheSnapshot snapshot;

    private TableCache(Map<String, MonitorRequest> monitored, Executor eventExecutor) {
        this.monitored = monitored;
        this.dispatcher = new EventDispatcher(eventExecutor);
        var empty = new LinkedHashMap<String, Map<UUID, Row>>();
        monitored.keySet().forEach(t -> empty.put(t, UnmodifiableRows.EMPTY));
        this.snapshot = new CacheSnapshot(empty);
    }

    /**
     * An empty cache of the tables and columns of {@code monitored}, the same requests the
     * monitor is created with.
     *
     * @param eventExecutor where listeners are called; a single-threaded executor that owns the
     *     consumer's state is the natural choice
     * @throws IllegalArgumentException if a request names a table or column the schema lacks
     */
    public static TableCache create(DatabaseSchema schema, Map<String, MonitorRequest> monitored, Executor eventExecutor) {
        Objects.requireNonNull(schema, "schema");
        TableCache cache = create(monitored, eventExecutor);
        cache.bind(schema);
        return cache;
    }

    /**
     * An empty cache of the tables and columns of {@code monitored} whose schema is not known yet:
     * a replica that must exist (and take listeners) before its first connection has fetched the
     * schema. Every monitored table reads as empty; {@link #apply} and {@link #replaceAll} fail
     * until {@link #bind} supplies the schema.
     */
    public static TableCache create(Map<String, MonitorRequest> monitored, Executor eventExecutor) {
        Objects.requireNonNull(eventExecutor, "eventExecutor");
        var requests = new LinkedHashMap<String, MonitorRequest>();
        monitored.forEach((name, request) -> requests.put(Objects.requireNonNull(name, "table"),
                Objects.requireNonNull(request, "request")));
        return new TableCache(Collections.unmodifiableMap(requests), eventExecutor);
    }

    /**
     * Sets the schema that updates are read with: on a cache made without one, and again whenever
     * the server's schema may have changed (after a reconnect). Binding the schema already bound
     * does nothing. Rows already held keep their values; after binding a different schema, the
     * owner replaces the content ({@link #replaceAll}) before applying updates, since the server's
     * transaction history does not span a schema change.
     *
     * @return whether the schema differs from the one bound before (true for the first)
     * @throws IllegalArgumentException if a request names a table or column the schema lacks; the
     *     cache is unchanged
     */
    public synchronized boolean bind(DatabaseSchema newSchema) {
        Objects.requireNonNull(newSchema, "schema");
        if (newSchema.equals(schema)) {
            return false;
        }
        var bound = new LinkedHashMap<String, CachedTable>();
        monitored.forEach((name, request) -> {
            TableSchema table = newSchema.table(name).orElseThrow(() -> new IllegalArgumentException(
                    "database " + newSchema.name() + " has no table " + name + " to monitor"));
            bound.put(name, new CachedTable(table, request));
        });
        tables = Collections.unmodifiableMap(bound);
        schema = newSchema;
        return true;
    }

    /**
     * The schema updates are read with.
     *
     * @throws IllegalStateException if none was bound yet
     */
    public DatabaseSchema schema() {
        DatabaseSchema bound = schema;
        if (bound == null) {
            throw new IllegalStateException("no schema bound yet to the cache of " + monitored.keySet());
        }
        return bound;
    }

    /** Whether a schema was bound, so updates can be applied. */
    public boolean hasSchema() {
        return schema != null;
    }

    /** The content now: immutable and consistent across tables. */
    public CacheSnapshot snapshot() {
        return snapshot;
    }

    /**
     * The rows of {@code table} now, by UUID; an immutable map.
     *
     * @throws IllegalArgumentException if the table is not monitored
     */
    public Map<UUID, Row> rows(String table) {
        return snapshot.rows(table);
    }

    /** @throws IllegalArgumentException if the table is not monitored */
    public Optional<Row> row(String table, UUID uuid) {
        return snapshot.row(table, uuid);
    }

    /**
     * Runs {@code task} on the event executor after every row event already queued, in order with
     * them: for work that must see the events of an update first (e.g. "this sync is complete").
     */
    public void runAfterEvents(Runnable task) {
        dispatcher.execute(Objects.requireNonNull(task, "task"));
    }

    /**
     * Adds {@code listener} for the updates applied from now on.
     *
     * @return a handle whose {@code close()} stops delivery to this listener
     */
    public Registration addListener(RowListener listener) {
        return addListener(listener, false);
    }

    /**
     * Adds {@code listener}; with {@code replayRows}, it first receives an
     * {@link RowEvent.Inserted} for every row the cache holds, then the events of later updates,
     * so it converges without a gap or a duplicate.
     */
    public synchronized Registration addListener(RowListener listener, boolean replayRows) {
        CacheRegistration registration = new CacheRegistration(dispatcher, Objects.requireNonNull(listener, "listener"));
        dispatcher.add(registration);
        if (replayRows) {
            List<RowEvent> replay = new ArrayList<>();
            snapshot.tables().forEach((table, rows) -> rows.forEach((uuid, row) ->
                    replay.add(new RowEvent.Inserted(table, uuid, row))));
            if (!replay.isEmpty()) {
                dispatcher.dispatchTo(List.of(registration), replay);
            }
        }
        return registration;
    }

    /**
     * Applies one update notification or monitor reply, of either protocol version.
     *
     * @throws CacheUpdateException if it contradicts the cache or the schema; nothing is applied
     */
    public synchronized void apply(TableUpdates updates) {
        CacheSnapshot before = snapshot;
        var after = new LinkedHashMap<>(before.tables());
        List<RowEvent> deletions = new ArrayList<>();
        List<RowEvent> changes = new ArrayList<>();
        updates.tables().forEach((name, tableUpdate) -> {
            CachedTable table = table(name);
            LinkedHashMap<UUID, Row> rows = UnmodifiableRows.mutableCopy(before.rows(name));
            tableUpdate.rows().forEach((uuid, update) -> applyRow(table, rows, uuid, update, deletions, changes));
            after.put(name, UnmodifiableRows.adopt(rows));
        });
        deletions.addAll(changes);
        publish(new CacheSnapshot(after), deletions);
    }

    private static void applyRow(CachedTable table, Map<UUID, Row> rows, UUID uuid, RowUpdate update,
            List<RowEvent> deletions, List<RowEvent> changes) {
        Row current = rows.get(uuid);
        Row inserted = insertedRow(update);
        if (inserted != null) {
            if (current != null) {
                throw new CacheUpdateException(table.name(), uuid, "insert of a row the cache already holds");
            }
            Row row = table.materialize(uuid, inserted);
            rows.put(uuid, row);
            changes.add(new RowEvent.Inserted(table.name(), uuid, row));
            return;
        }
        if (current == null) {
            throw new CacheUpdateException(table.name(), uuid, kind(update) + " of a row the cache does not hold");
        }
        if (update instanceof RowUpdate.Delete) {
            rows.remove(uuid);
            deletions.add(new RowEvent.Deleted(table.name(), uuid, current));
            return;
        }
        Row row = update instanceof RowUpdate.Modify m
                ? table.applyModify(uuid, current, m.old(), m.row())
                : table.applyDiff(uuid, current, ((RowUpdate.ModifyDiff) update).diff());
        if (!row.equals(current)) {
            rows.put(uuid, row);
            changes.add(new RowEvent.Modified(table.name(), uuid, current, row));
        }
    }

    /**
     * Replaces the whole content with {@code content}'s initial rows: the reply of a fresh
     * {@code monitor}/{@code monitor_cond} after a reconnect, or of {@code monitor_cond_since}
     * that did not find the client's transaction. Tables absent from {@code content} become empty.
     * Emits only the difference: an insert for each new row, a modify for each changed one, a
     * delete for each vanished one, nothing for rows that did not change.
     *
     * @throws CacheUpdateException if {@code content} holds anything but initial or inserted rows,
     *     or does not fit the schema; nothing is applied
     */
    public synchronized void replaceAll(TableUpdates content) {
        CacheSnapshot before = snapshot;
        content.tables().keySet().forEach(this::table);
        if (schema == null) {
            throw new CacheUpdateException(String.join(",", monitored.keySet()), null,
                    "no schema bound yet: the content cannot be read");
        }
        var after = new LinkedHashMap<String, Map<UUID, Row>>();
        List<RowEvent> deletions = new ArrayList<>();
        List<RowEvent> changes = new ArrayList<>();
        tables.forEach((name, table) -> {
            Map<UUID, Row> old = before.rows(name);
            TableUpdate tableUpdate = content.tables().getOrDefault(name, new TableUpdate(Map.of()));
            var rows = new LinkedHashMap<UUID, Row>(tableUpdate.size() * 2);
            tableUpdate.rows().forEach((uuid, update) -> {
                Row given = insertedRow(update);
                if (given == null) {
                    throw new CacheUpdateException(name, uuid, "replaceAll takes initial rows, got " + kind(update));
                }
                Row row = table.materialize(uuid, given);
                rows.put(uuid, row);
                Row previous = old.get(uuid);
                if (previous == null) {
                    changes.add(new RowEvent.Inserted(name, uuid, row));
                } else if (!previous.equals(row)) {
                    changes.add(new RowEvent.Modified(name, uuid, previous, row));
                }
            });
            old.forEach((uuid, row) -> {
                if (!rows.containsKey(uuid)) {
                    deletions.add(new RowEvent.Deleted(name, uuid, row));
                }
            });
            after.put(name, UnmodifiableRows.adopt(rows));
        });
        deletions.addAll(changes);
        publish(new CacheSnapshot(after), deletions);
    }

    private void publish(CacheSnapshot next, List<RowEvent> batch) {
        snapshot = next;
        dispatcher.dispatch(batch);
    }

    private CachedTable table(String name) {
        CachedTable table = tables.get(name);
        if (table == null && monitored.containsKey(name)) {
            throw new CacheUpdateException(name, null, "no schema bound yet: the update cannot be read");
        }
        if (table == null) {
            throw new CacheUpdateException(name, null, "update for a table that is not monitored");
        }
        return table;
    }

    /** The row of an initial or insert update, else null. */
    private static Row insertedRow(RowUpdate update) {
        if (update instanceof RowUpdate.Initial i) {
            return i.row();
        }
        return update instanceof RowUpdate.Insert i ? i.row() : null;
    }

    private static String kind(RowUpdate update) {
        if (update instanceof RowUpdate.Initial) {
            return "initial";
        } else if (update instanceof RowUpdate.Insert) {
            return "insert";
        } else if (update instanceof RowUpdate.Modify) {
            return "modify";
        } else if (update instanceof RowUpdate.ModifyDiff) {
            return "modify (update2 diff)";
        }
        return "delete";
    }
}
