package org.ovsqos.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ovsqos.ovsdb.cache.RowEvent;
import org.ovsqos.ovsdb.cache.RowListener;
import org.ovsqos.ovsdb.client.OvsdbClient;
import org.ovsqos.ovsdb.client.Replica;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.IntegerAtom;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.notation.StringAtom;
import org.ovsqos.ovsdb.notation.Value;
import org.ovsqos.ovsdb.operation.Operation;

/**
 * The benchmark's own eyes on OVSDB: a {@link Replica} of the Interface names and policing rates,
 * made with our {@link OvsdbClient} as the brief asks, so the benchmark sees a row change when any
 * monitor client would.
 */
final class Observer implements AutoCloseable {
    static final String TABLE = "Interface";
    static final String NAME = "name";
    static final String RATE = "ingress_policing_rate";

    private final OvsdbClient client;
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "observer-events");
        t.setDaemon(true);
        return t;
    });
    private final Replica replica;
    private final PolicedRows policed = new PolicedRows();

    Observer(BenchDatabase db) {
        client = db.connect();
        replica = client.replicate(BenchDatabase.DB, Map.of(TABLE, MonitorRequest.columns(NAME, RATE)), events);
        replica.firstSync().join();
        replica.cache().addListener(policed, true);
    }

    OvsdbClient client() {
        return client;
    }

    Replica replica() {
        return replica;
    }

    /** How many rows have a policing rate set. */
    long policedRows() {
        return replica.cache().rows(TABLE).values().stream().filter(r -> rate(r) > 0).count();
    }

    /** Waits until {@code expected} rows are policed (the daemon's first reconciliation). */
    void awaitPoliced(long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (policedRows() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + policedRows() + " of " + expected + " rows policed after "
                        + timeout);
            }
            Thread.sleep(50); // polling a condition with a deadline; nothing is timed here
        }
    }

    /**
     * Completes with the {@link System#nanoTime()} at which this replica first holds
     * {@code expected} policed rows: stamped on the event thread right after the update that
     * completed them, so it includes the benchmark's own parsing of that update (conservative).
     */
    CompletableFuture<Long> whenPoliced(long expected) {
        CompletableFuture<Long> seen = new CompletableFuture<>();
        events.execute(() -> policed.await(expected, seen)); // after every event queued so far
        return seen;
    }

    /** Clears the policing of every Interface row (one transaction) and waits until this replica shows none. */
    void unpoliceAll(Duration timeout) throws InterruptedException {
        client.transact(BenchDatabase.DB, List.of(Operation.update(TABLE, List.of(),
                Row.of(RATE, Atom.integer(0), "ingress_policing_burst", Atom.integer(0))))).join();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (policedRows() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(policedRows() + " rows still policed " + timeout + " after clearing");
            }
            Thread.sleep(20); // polling a condition with a deadline; nothing is timed here
        }
    }

    static long rate(Row row) {
        Value v = row.get(RATE);
        return v instanceof IntegerAtom i ? i.value() : 0;
    }

    static String name(Row row) {
        Value v = row.get(NAME);
        return v instanceof StringAtom s ? s.value() : "";
    }

    /** The uuids of policed rows, kept from row events on the event thread, and who waits for how many. */
    private static final class PolicedRows implements RowListener {
        private final Set<UUID> uuids = new HashSet<>();
        private long expected = Long.MAX_VALUE;
        private CompletableFuture<Long> waiter;

        @Override
        public void onEvent(RowEvent event) {
            if (event instanceof RowEvent.Inserted e) {
                mark(e.uuid(), e.row());
            } else if (event instanceof RowEvent.Modified e) {
                mark(e.uuid(), e.newRow());
            } else {
                uuids.remove(event.uuid());
            }
        }

        private void mark(UUID uuid, Row row) {
            if (rate(row) > 0) {
                uuids.add(uuid);
            } else {
                uuids.remove(uuid);
            }
        }

        @Override
        public void afterUpdate() {
            long now = System.nanoTime();
            if (waiter != null && uuids.size() >= expected) {
                waiter.complete(now);
                waiter = null;
            }
        }

        void await(long count, CompletableFuture<Long> seen) {
            expected = count;
            waiter = seen;
            afterUpdate();
        }
    }

    @Override
    public void close() {
        client.close();
        events.shutdownNow();
    }
}
