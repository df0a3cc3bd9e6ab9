package org.ovsqos.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ovsqos.ovsdb.client.OvsdbClient;
import org.ovsqos.ovsdb.client.Replica;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.notation.IntegerAtom;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.notation.StringAtom;
import org.ovsqos.ovsdb.notation.Value;

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

    Observer(BenchDatabase db) {
        client = db.connect();
        replica = client.replicate(BenchDatabase.DB, Map.of(TABLE, MonitorRequest.columns(NAME, RATE)), events);
        replica.firstSync().join();
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

    static long rate(Row row) {
        Value v = row.get(RATE);
        return v instanceof IntegerAtom i ? i.value() : 0;
    }

    static String name(Row row) {
        Value v = row.get(NAME);
        return v instanceof StringAtom s ? s.value() : "";
    }

    @Override
    public void close() {
        client.close();
        events.shutdownNow();
    }
}
