package org.ovsqos.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ovsqos.ovsdb.client.OvsdbClient;

/**
 * How long the daemon's tick takes at N interfaces, as the daemon times it itself: the
 * {@code ovsqos_tick_duration_seconds} histogram on its Prometheus endpoint ({@code metrics_listen},
 * the only change to the default configuration besides the interval). A tick is timed on the
 * governor's thread from its start to the state file saved: every row sampled, the policy's
 * decisions, the changed limits' {@code transact} built and handed to the client (its commit is
 * not waited for), the state saved; publishing the snapshot and the per-interface meters after it
 * is not included.
 *
 * <p>The daemon starts cold (nothing policed, no state file); its first tick runs at its first
 * sync and decides all N limits at once: the first scrape, after the benchmark's monitor has seen
 * every interface policed, holds that tick alone. Then the benchmark plays ovs-vswitchd as
 * {@link SteadyStateBenchmark} does (all statistics every 5 s, nobody escalating) and, after a
 * warm-up, scrapes once per tick, half an interval after it (the page's
 * {@code ovsqos_last_tick_timestamp_seconds} gives the phase), so that each scrape holds exactly one
 * new tick, whose duration is the growth of {@code _sum}. The decaying {@code _max} is not used:
 * it would still hold the first tick for two minutes.
 *
 * <p>Properties: {@code bench.interfaces} (1000), {@code bench.interval} (sample_interval_sec, 5:
 * a tick's work does not depend on it, and a short one gives more ticks per minute),
 * {@code bench.warmupSeconds} (30), {@code bench.seconds} (60).
 */
public final class TickDurationBenchmark {
    private static final String TICKS = "ovsqos_tick_duration_seconds_count";
    private static final String TICK_SECONDS = "ovsqos_tick_duration_seconds_sum";
    private static final String LAST_TICK = "ovsqos_last_tick_timestamp_seconds";

    private TickDurationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = BenchDatabase.interfaceCount();
        double interval = Double.parseDouble(System.getProperty("bench.interval", "5"));
        long warmupSeconds = Long.getLong("bench.warmupSeconds", 30);
        long seconds = Long.getLong("bench.seconds", 60);
        BenchResults results = new BenchResults("tick");
        String config = String.format(Locale.ROOT, "{\"metrics_listen\": \"127.0.0.1:0\", \"sample_interval_sec\": %s}",
                interval);
        ScheduledExecutorService vswitchd = Executors.newSingleThreadScheduledExecutor();
        try (ScratchDir dir = new ScratchDir();
                BenchDatabase db = BenchDatabase.start(count);
                NotifySocket notify = new NotifySocket(dir.resolve("notify"));
                Observer observer = new Observer(db);
                BenchDaemon daemon = BenchDaemon.start(dir.resolve("daemon"), "unix:" + db.server().socketPath(),
                        Optional.of(config), Optional.of(notify));
                OvsdbClient stats = db.connect()) {
            notify.awaitReady(BenchDatabase.scaled(Duration.ofSeconds(60)));
            observer.awaitPoliced(count, BenchDatabase.scaled(Duration.ofSeconds(60)));
            int port = MetricsPage.port(daemon.logFile(), Duration.ofSeconds(30));
            MetricsPage first = scrape(port, daemon, results);
            if (first.require(TICKS) == 1) {
                double ms = first.require(TICK_SECONDS) * 1000;
                System.out.printf(Locale.ROOT, "first tick (at first sync, all %d limits): %.1f ms%n", count, ms);
                results.note("first tick (at first sync: N limits decided, sent)", BenchResults.ms(ms));
            } else {
                results.note("first tick", "not isolated: " + first.require(TICKS) + " ticks at the first scrape");
            }

            AtomicReference<Throwable> failure = new AtomicReference<>();
            SteadyStateBenchmark.StatisticsWriter writer = new SteadyStateBenchmark.StatisticsWriter(db.interfaces());
            vswitchd.scheduleAtFixedRate(() -> {
                try {
                    stats.transact(BenchDatabase.DB, writer.next()).join();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }, 0, SteadyStateBenchmark.STATS_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
            System.out.printf("warming up %d s, then one scrape per tick for %d s (sample_interval_sec %s)%n",
                    warmupSeconds, seconds, interval);
            Thread.sleep(warmupSeconds * 1000); // the warm-up is a wall-clock duration by definition

            MetricsPage previous = scrape(port, daemon, results);
            long intervalMillis = Math.round(interval * 1000);
            long lastTickMillis = Math.round(previous.require(LAST_TICK) * 1000);
            // Half an interval after the next tick: the scrape just taken already holds the last one.
            long next = lastTickMillis + intervalMillis + intervalMillis / 2;
            while (next < System.currentTimeMillis()) {
                next += intervalMillis;
            }
            List<Double> ticks = new ArrayList<>();
            List<Integer> pageBytes = new ArrayList<>();
            List<Long> scrapeNanos = new ArrayList<>();
            int merged = 0;
            long end = System.currentTimeMillis() + seconds * 1000;
            for (; next <= end; next += intervalMillis) {
                Thread.sleep(Math.max(0, next - System.currentTimeMillis())); // pacing the scrapes, not a measurement
                MetricsPage page = scrape(port, daemon, results);
                double newTicks = page.require(TICKS) - previous.require(TICKS);
                if (newTicks == 1) {
                    ticks.add((page.require(TICK_SECONDS) - previous.require(TICK_SECONDS)) * 1000);
                } else {
                    merged++; // none, or two: the phase slipped; such a scrape gives no single tick
                }
                pageBytes.add(page.bytes());
                scrapeNanos.add(page.nanos());
                previous = page;
            }
            if (failure.get() != null) {
                throw new IllegalStateException("statistics writer failed", failure.get());
            }
            if (ticks.isEmpty()) {
                throw new IllegalStateException("no scrape isolated a tick (" + merged + " did not)");
            }
            Samples s = Samples.ofMillis(ticks.stream().mapToDouble(Double::doubleValue).toArray());
            Samples scrapes = Samples.ofNanos(scrapeNanos.stream().mapToLong(Long::longValue).toArray());
            System.out.println("tick: " + s.describe() + (merged > 0 ? " (" + merged + " scrapes without one tick)"
                    : ""));
            System.out.println("scrape of /metrics: " + scrapes.describe());
            results.note("steady ticks (statistics every 5 s)", s.count() + " ticks, sample_interval_sec "
                    + interval);
            results.note("steady tick p50 / max", BenchResults.ms(s.median()) + " / " + BenchResults.ms(s.max()));
            results.note("metrics page: size / scrape p50", String.format(Locale.ROOT, "%.0f KiB / %.1f ms",
                    pageBytes.get(pageBytes.size() - 1) / 1024.0, scrapes.median()));
        } finally {
            vswitchd.shutdownNow();
        }
    }

    /**
     * A scrape; when it fails because the daemon has gone, the table says why (at 5000 interfaces
     * the shipped heap has run out with the per-interface meters on) and the failure shows its log.
     */
    private static MetricsPage scrape(int port, BenchDaemon daemon, BenchResults results)
            throws IOException, InterruptedException {
        try {
            return MetricsPage.scrape(port);
        } catch (IOException e) {
            if (daemon.awaitExit(Duration.ofSeconds(2))) {
                results.note("daemon exited", String.format(Locale.ROOT, "after %.0f s, %s",
                        (System.nanoTime() - daemon.startedNanos()) / 1e9, daemon.exitReason()));
                throw new IllegalStateException("the daemon died\n" + daemon.logTail(), e);
            }
            throw e;
        }
    }
}
