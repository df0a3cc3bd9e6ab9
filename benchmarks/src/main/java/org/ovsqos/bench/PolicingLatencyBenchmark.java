package org.ovsqos.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ovsqos.ovsdb.cache.RowEvent;
import org.ovsqos.ovsdb.cache.RowListener;
import org.ovsqos.ovsdb.operation.InsertResult;
import org.ovsqos.ovsdb.operation.OperationResult;

/**
 * Target 2: a new interface is policed within 10 ms (p99) of its row appearing.
 *
 * <p>The real daemon (launcher + jar, a child process) runs against a database of 1000 managed
 * interfaces, all policed already. Each sample adds a new guest interface (Port + Interface on
 * br0, one transaction, as libvirt does through ovs-vsctl) and waits, through the benchmark's own
 * monitor, for its {@code ingress_policing_rate} to be set; then removes it and pauses a random
 * 20–80 ms. Reported from the moment the insert is sent (the conservative figure, which includes
 * the insert's own commit: the verdict uses it), and from the moment the benchmark's monitor saw
 * the row appear (what the daemon itself could see). Names never repeat, so no sample meets a
 * remembered penalty.
 *
 * <p>Properties: {@code bench.interfaces} (1000), {@code bench.samples} (300),
 * {@code bench.warmup} (20 samples, discarded).
 */
public final class PolicingLatencyBenchmark {
    private PolicingLatencyBenchmark() {
    }

    /** The sample in progress; written by the main thread before the insert, read by the listener. */
    private static final class Probe {
        final String name;
        final CompletableFuture<Long> policed = new CompletableFuture<>();
        volatile long appearedNanos;

        Probe(String name) {
            this.name = name;
        }
    }

    private static volatile Probe probe;

    public static void main(String[] args) throws Exception {
        int count = BenchDatabase.interfaceCount();
        int samples = Integer.getInteger("bench.samples", 300);
        int warmup = Integer.getInteger("bench.warmup", 20);
        BenchResults results = new BenchResults("new-iface");
        Random random = new Random(7047);
        try (ScratchDir dir = new ScratchDir();
                BenchDatabase db = BenchDatabase.start(count);
                NotifySocket notify = new NotifySocket(dir.resolve("notify"));
                BenchDaemon daemon = BenchDaemon.start(dir.resolve("daemon"),
                        "unix:" + db.server().socketPath(), Optional.empty(), Optional.of(notify));
                Observer observer = new Observer(db)) {
            notify.awaitReady(BenchDatabase.scaled(Duration.ofSeconds(60)));
            observer.awaitPoliced(count, BenchDatabase.scaled(Duration.ofSeconds(60)));
            observer.replica().cache().addListener(new RowListener() {
                @Override
                public void onEvent(RowEvent event) {
                    long now = System.nanoTime();
                    Probe p = probe;
                    if (p == null) {
                        return;
                    }
                    if (event instanceof RowEvent.Inserted e && Observer.name(e.row()).equals(p.name)) {
                        p.appearedNanos = now;
                        if (Observer.rate(e.row()) > 0) {
                            p.policed.complete(now);
                        }
                    } else if (event instanceof RowEvent.Modified e && Observer.name(e.newRow()).equals(p.name)
                            && Observer.rate(e.newRow()) > 0) {
                        p.policed.complete(now);
                    }
                }
            });

            long[] fromSent = new long[samples];
            long[] fromSeen = new long[samples];
            for (int i = -warmup; i < samples; i++) {
                Probe p = new Probe("kvm" + (count + warmup + 1 + i) + ".0");
                probe = p;
                long sent = System.nanoTime();
                List<OperationResult> inserted = observer.client().transact(BenchDatabase.DB, db.addInterface(p.name))
                        .join();
                long policed;
                try {
                    policed = p.policed.get(10, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new IllegalStateException(p.name + " not policed within 10 s; daemon alive="
                            + daemon.alive() + "\n" + daemon.logTail());
                }
                if (i >= 0) {
                    fromSent[i] = policed - sent;
                    fromSeen[i] = policed - p.appearedNanos;
                }
                UUID port = ((InsertResult) inserted.get(1)).uuid();
                observer.client().transact(BenchDatabase.DB, db.removeInterface(port)).join();
                Thread.sleep(20 + random.nextInt(61)); // spacing between samples, not a measurement
            }
            Samples sent = Samples.ofNanos(fromSent);
            Samples seen = Samples.ofNanos(fromSeen);
            System.out.println("insert sent -> policed seen:     " + sent.describe());
            System.out.println("insert seen -> policed seen:     " + seen.describe());
            String line = String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f ms", sent.median(),
                    sent.percentile(95), sent.percentile(99), sent.max());
            results.note("samples", Integer.toString(sent.count()));
            results.verdict("insert sent->policed p50/p95/p99/max", line, "p99 <= 10 ms", sent.percentile(99) <= 10);
            results.note("row seen->policed p50/p95/p99/max", String.format(Locale.ROOT,
                    "%.1f / %.1f / %.1f / %.1f ms", seen.median(), seen.percentile(95), seen.percentile(99),
                    seen.max()));
            if (!daemon.alive()) {
                throw new IllegalStateException("the daemon died during the benchmark\n" + daemon.logTail());
            }
        }
    }
}
