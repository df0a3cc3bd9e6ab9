package org.ovsqos.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The design's target at 5,000 interfaces: every interface policed within 2 s of start.
 *
 * <p>Each run is a cold start: no interface is policed (one transaction clears every
 * {@code ingress_policing_rate/burst}, and the benchmark waits until its own monitor shows none),
 * and the daemon gets a fresh directory, so no state file. The daemon is launched as in
 * {@link ReadyBenchmark} (the launcher, default configuration, {@code NOTIFY_SOCKET}); the span
 * runs from just before {@code ProcessBuilder.start()} to the moment the benchmark's own monitor
 * ({@link Observer}, a replica of every Interface's name and rate) holds all N rows policed. The
 * READY datagram of the same start is reported too: the daemon sends it after its first sync,
 * before its writes have committed. Then SIGTERM, and the next run.
 *
 * <p>Properties: {@code bench.interfaces} (1000), {@code bench.starts} (5).
 */
public final class FirstPolicingBenchmark {
    static final int TARGET_INTERFACES = 5000;
    static final double TARGET_MILLIS = 2000;

    private FirstPolicingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = BenchDatabase.interfaceCount();
        int starts = Integer.getInteger("bench.starts", 5);
        BenchResults results = new BenchResults("first-policing");
        long[] policed = new long[starts];
        long[] ready = new long[starts];
        try (ScratchDir dir = new ScratchDir();
                BenchDatabase db = BenchDatabase.start(count);
                NotifySocket notify = new NotifySocket(dir.resolve("notify"));
                Observer observer = new Observer(db)) {
            for (int i = 0; i < starts; i++) {
                observer.unpoliceAll(BenchDatabase.scaled(Duration.ofSeconds(10)));
                notify.clear();
                CompletableFuture<Long> allPoliced = observer.whenPoliced(count);
                try (BenchDaemon daemon = BenchDaemon.start(dir.resolve("daemon-" + i),
                        "unix:" + db.server().socketPath(), Optional.empty(), Optional.of(notify))) {
                    try {
                        ready[i] = notify.awaitReady(BenchDatabase.scaled(Duration.ofSeconds(30))).nanoTime()
                                - daemon.startedNanos();
                        policed[i] = allPoliced.get(BenchDatabase.scaled(Duration.ofSeconds(30)).toMillis(),
                                TimeUnit.MILLISECONDS) - daemon.startedNanos();
                    } catch (TimeoutException | IllegalStateException e) {
                        throw new IllegalStateException("start " + (i + 1) + ": " + observer.policedRows() + " of "
                                + count + " policed, daemon alive=" + daemon.alive() + "\n" + daemon.logTail(), e);
                    }
                    System.out.printf(Locale.ROOT, "start %d: READY after %.1f ms, all %d policed after %.1f ms%n",
                            i + 1, ready[i] / 1e6, count, policed[i] / 1e6);
                }
            }
        }
        Samples all = Samples.ofNanos(policed);
        Samples readies = Samples.ofNanos(ready);
        long[] gap = new long[starts];
        for (int i = 0; i < starts; i++) {
            gap[i] = policed[i] - ready[i];
        }
        Samples gaps = Samples.ofNanos(gap);
        System.out.println("start -> all policed: " + all.describe());
        System.out.println("start -> READY=1:     " + readies.describe());
        System.out.println("READY -> all policed: " + gaps.describe());
        results.note("cold starts", Integer.toString(starts));
        results.verdictAt(TARGET_INTERFACES, "start -> all policed (own monitor) p50 / max",
                BenchResults.ms(all.median()) + " / " + BenchResults.ms(all.max()), "<= 2000 ms",
                all.max() <= TARGET_MILLIS);
        results.note("start -> READY=1 p50 / max", BenchResults.ms(readies.median()) + " / "
                + BenchResults.ms(readies.max()));
        results.note("READY=1 -> all policed p50 / max", BenchResults.ms(gaps.median()) + " / "
                + BenchResults.ms(gaps.max()));
    }
}
