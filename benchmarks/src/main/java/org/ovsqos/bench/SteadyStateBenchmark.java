package org.ovsqos.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.ovsqos.ovsdb.client.OvsdbClient;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.OvsdbMap;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.operation.Operation;

/**
 * Target 3: steady state within 0.5 % of a core and 64 MiB RSS, at 1000 interfaces.
 *
 * <p>The daemon (launcher flags for {@code daemon}) runs against 1000 interfaces while the
 * benchmark plays ovs-vswitchd: every 5 s, one transaction updates {@code statistics} of every
 * Interface (eight counters, as vswitchd writes them), each guest at its own steady rate between
 * 0 and 490 Mbit/s, so no one escalates. After a warm-up, the daemon's {@code utime + stime} and
 * {@code VmRSS} are read every second over the measuring window; CPU is the window's total CPU
 * time over its wall time. ovsdb-server's CPU over the same window is shown for context.
 *
 * <p>Properties: {@code bench.interfaces} (1000), {@code bench.interval} (sample_interval_sec;
 * default: none, the daemon's default 60 s), {@code bench.warmupSeconds} (60),
 * {@code bench.seconds} (180), {@code bench.statsMillis} (5000: how often the statistics are
 * rewritten; shorter only to profile the update path).
 */
public final class SteadyStateBenchmark {
    /** vswitchd's statistics period; {@code bench.statsMillis} shortens it to profile the update path. */
    static final Duration STATS_PERIOD = Duration.ofMillis(Long.getLong("bench.statsMillis", 5000));

    private SteadyStateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = BenchDatabase.interfaceCount();
        String interval = System.getProperty("bench.interval");
        long warmupSeconds = Long.getLong("bench.warmupSeconds", 60);
        long seconds = Long.getLong("bench.seconds", 180);
        BenchResults results = new BenchResults(interval == null ? "steady" : "steady-" + interval + "s");
        Optional<String> config = Optional.ofNullable(interval).map(s -> "{\"sample_interval_sec\": " + s + "}");
        ScheduledExecutorService vswitchd = Executors.newSingleThreadScheduledExecutor();
        try (ScratchDir dir = new ScratchDir();
                BenchDatabase db = BenchDatabase.start(count);
                NotifySocket notify = new NotifySocket(dir.resolve("notify"));
                BenchDaemon daemon = BenchDaemon.start(dir.resolve("daemon"),
                        "unix:" + db.server().socketPath(), config, Optional.of(notify));
                Observer observer = new Observer(db);
                OvsdbClient stats = db.connect()) {
            notify.awaitReady(BenchDatabase.scaled(Duration.ofSeconds(60)));
            observer.awaitPoliced(count, BenchDatabase.scaled(Duration.ofSeconds(60)));
            AtomicReference<Throwable> failure = new AtomicReference<>();
            StatisticsWriter writer = new StatisticsWriter(db.interfaces());
            vswitchd.scheduleAtFixedRate(() -> {
                try {
                    stats.transact(BenchDatabase.DB, writer.next()).join();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }, 0, STATS_PERIOD.toMillis(), TimeUnit.MILLISECONDS);

            System.out.printf("warming up %d s, then measuring %d s (sample_interval_sec %s)%n", warmupSeconds,
                    seconds, interval == null ? "default 60" : interval);
            Thread.sleep(warmupSeconds * 1000); // the warm-up is a wall-clock duration by definition
            ProcStat proc = new ProcStat(daemon.pid());
            long serverPid = Long.parseLong(Files.readString(db.server().directory().resolve("ovsdb-server.pid"))
                    .trim());
            ProcStat server = new ProcStat(serverPid);
            double cpu0 = proc.cpuSeconds();
            Map<String, Double> threads0 = proc.cpuSecondsByThread();
            double serverCpu0 = server.cpuSeconds();
            long t0 = System.nanoTime();
            double rssMax = 0;
            double rssSum = 0;
            int rssCount = 0;
            double worst10s = Double.NaN; // no figure unless the window holds 10 s
            List<double[]> window = new ArrayList<>(); // {nanoTime, cpuSeconds}
            for (long s = 1; s <= seconds; s++) {
                long wake = t0 + s * 1_000_000_000L;
                long sleep = wake - System.nanoTime();
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
                if (!daemon.alive()) {
                    throw new IllegalStateException("the daemon died\n" + daemon.logTail());
                }
                double rss = proc.rssMib();
                rssMax = Math.max(rssMax, rss);
                rssSum += rss;
                rssCount++;
                double cpu = proc.cpuSeconds();
                window.add(new double[] {System.nanoTime(), cpu});
                if (window.size() > 10) {
                    double[] first = window.get(window.size() - 11);
                    double rate = (cpu - first[1]) / ((System.nanoTime() - first[0]) / 1e9);
                    worst10s = Double.isNaN(worst10s) ? rate : Math.max(worst10s, rate);
                }
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpuPercent = 100 * (proc.cpuSeconds() - cpu0) / wall;
            double serverPercent = 100 * (server.cpuSeconds() - serverCpu0) / wall;
            double rssEnd = proc.rssMib();
            Map<String, Double> threads1 = proc.cpuSecondsByThread();
            StringBuilder byThread = new StringBuilder();
            threads1.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - threads0.getOrDefault(e.getKey(), 0.0)))
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(5)
                    .forEach(e -> byThread.append(String.format(Locale.ROOT, "%s%s %.2f %%",
                            byThread.length() == 0 ? "" : ", ", e.getKey(), 100 * e.getValue() / wall)));
            System.out.println("daemon CPU by thread (top 5): " + byThread);
            if (failure.get() != null) {
                throw new IllegalStateException("statistics writer failed", failure.get());
            }
            System.out.printf(Locale.ROOT, "daemon: cpu %.2f %% of a core over %.0f s (worst 10 s: %.1f %%), "
                    + "rss max %.1f MiB mean %.1f MiB end %.1f MiB, threads %d; ovsdb-server cpu %.2f %%%n",
                    cpuPercent, wall, 100 * worst10s, rssMax, rssSum / rssCount, rssEnd, proc.threads(),
                    serverPercent);
            results.note("window / statistics writes", String.format(Locale.ROOT, "%.0f s / every %d ms", wall, STATS_PERIOD.toMillis()));
            results.verdict("daemon CPU (mean over window)", String.format(Locale.ROOT, "%.2f %% of a core",
                    cpuPercent), "<= 0.5 %", cpuPercent <= 0.5);
            results.note("daemon CPU, worst 10 s", String.format(Locale.ROOT, "%.1f %%", 100 * worst10s));
            // 64 MB read as the JVM reads -Xmx64m: MiB. (64 * 10^6 bytes would be 61 MiB.)
            results.verdict("daemon VmRSS max / end", String.format(Locale.ROOT, "%.1f / %.1f MiB", rssMax, rssEnd),
                    "<= 64 MiB", rssMax <= 64);
            results.note("daemon CPU by thread (top 5)", byThread.toString());
            results.note("ovsdb-server CPU (context)", String.format(Locale.ROOT, "%.2f %% of a core",
                    serverPercent));
        } finally {
            vswitchd.shutdownNow();
        }
    }

    /** ovs-vswitchd's statistics refresh: all interfaces in one transaction, counters only ever growing. */
    static final class StatisticsWriter {
        private final Map<String, UUID> interfaces;
        private final Map<String, AtomicLong> rxBytes = new LinkedHashMap<>();
        private long round;

        StatisticsWriter(Map<String, UUID> interfaces) {
            this.interfaces = interfaces;
            interfaces.keySet().forEach(name -> rxBytes.put(name, new AtomicLong()));
        }

        List<Operation> next() {
            round++;
            List<Operation> ops = new ArrayList<>(interfaces.size());
            int i = 0;
            for (Map.Entry<String, UUID> e : interfaces.entrySet()) {
                long mbit = (i++ % 50) * 10L; // 0..490 Mbit/s: under every threshold of a 1000 Mbit/s base
                long rx = rxBytes.get(e.getKey()).addAndGet(mbit * 1_000_000 / 8 * STATS_PERIOD.toMillis() / 1000);
                long rxPackets = rx / 1000;
                long tx = round * 100_000L;
                Map<Atom, Atom> counters = new LinkedHashMap<>();
                counters.put(Atom.string("collisions"), Atom.integer(0));
                counters.put(Atom.string("rx_bytes"), Atom.integer(rx));
                counters.put(Atom.string("rx_dropped"), Atom.integer(0));
                counters.put(Atom.string("rx_errors"), Atom.integer(0));
                counters.put(Atom.string("rx_packets"), Atom.integer(rxPackets));
                counters.put(Atom.string("tx_bytes"), Atom.integer(tx));
                counters.put(Atom.string("tx_dropped"), Atom.integer(0));
                counters.put(Atom.string("tx_packets"), Atom.integer(tx / 1000));
                ops.add(Operation.update("Interface", List.of(Condition.uuidIs(e.getValue())),
                        Row.of("statistics", OvsdbMap.copyOf(counters))));
            }
            return ops;
        }
    }
}
