package org.ovsqos.daemon.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.ovsqos.daemon.admin.ConnectionState;
import org.ovsqos.daemon.common.Version;

/**
 * The daemon's figures shown to Prometheus: a Micrometer registry whose meters read what
 * {@link DaemonMetrics} counts, the collectors that build the per-interface and per-tier series
 * at each scrape, and the JVM binders. Made when the endpoint starts, never before: this is the
 * one place the daemon's own code touches Micrometer and the Prometheus client's model. Names are
 * Micrometer's dotted form; Prometheus shows {@code ovsqos.reloads} as {@code ovsqos_reloads_total},
 * a timer in seconds, and so on.
 */
final class PrometheusExport implements AutoCloseable {
    static final String TAG_RESULT = "result";
    /** Tick durations fall in these buckets: a tick of 1000 interfaces takes about 10 ms. */
    private static final Duration[] TICK_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(5)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmMeters jvm = new JvmMeters();
    private final DaemonMetrics metrics;

    PrometheusExport(DaemonMetrics metrics) {
        this.metrics = metrics;
        JvmMeters.denyFlaggedNames(registry);
        Gauge.builder("ovsqos.build.info", () -> 1).tag("version", Version.current())
                .description("1, labelled with the daemon's version").register(registry);
        gauge("ovsqos.interfaces.managed", metrics, m -> m.interfaces().size(),
                "Interfaces the daemon manages, present or still owing a penalty");
        for (ConnectionState state : ConnectionState.values()) {
            Gauge.builder("ovsqos.ovsdb.connection.state", metrics, m -> m.ovsdbState() == state ? 1 : 0)
                    .tag("state", state.jsonName()).description("1 for the state the OVSDB connection is in, else 0")
                    .register(registry);
        }
        counter("ovsqos.ovsdb.reconnects", metrics, DaemonMetrics::reconnects,
                "Connections to OVSDB re-established after a loss");
        for (boolean success : new boolean[] {true, false}) {
            String result = success ? "success" : "failure";
            FunctionCounter.builder("ovsqos.ovsdb.transactions", metrics, m -> m.transactions(success))
                    .tag(TAG_RESULT, result).description("OVSDB transact calls that wrote limits").register(registry);
            FunctionCounter.builder("ovsqos.reloads", metrics, m -> m.reloads(success)).tag(TAG_RESULT, result)
                    .description("Config reloads (ovs-qos reload, SIGHUP): done, or refused").register(registry);
            FunctionCounter.builder("ovsqos.state.saves", metrics, m -> m.stateSaves(success)).tag(TAG_RESULT, result)
                    .description("Writes of the state file").register(registry);
        }
        counter("ovsqos.drift.restores", metrics, DaemonMetrics::driftRestores,
                "Limits changed behind the daemon's back and written back");
        gauge("ovsqos.last.tick.timestamp.seconds", metrics, DaemonMetrics::lastTickSeconds,
                "When the last tick ran, Unix time in seconds (before the first: the process's start)");
        gauge("ovsqos.tick.interval.seconds", metrics, DaemonMetrics::tickIntervalSeconds,
                "sample_interval_sec: how often a tick runs");
        // A histogram cannot be rebuilt from a count kept elsewhere: it counts from here on.
        Timer tick = Timer.builder("ovsqos.tick.duration").serviceLevelObjectives(TICK_BUCKETS)
                .description("Time one tick takes: observe, decide, transact, save").register(registry);
        metrics.recordTicksWith(tick::record);
        registry.getPrometheusRegistry().register(new InterfaceCollector(metrics));
        registry.getPrometheusRegistry().register(new TierCollector(metrics));
    }

    /** JVM and process meters (memory, GC, threads, classes, CPU, file descriptors, uptime). */
    void bindJvmMetrics() {
        jvm.bindTo(registry);
    }

    /** What the endpoint serves. */
    PrometheusRegistry prometheusRegistry() {
        return registry.getPrometheusRegistry();
    }

    /** Everything, in the text format 0.0.4, as a scrape that asks for nothing else gets it. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        metrics.recordTicksWith(took -> { }); // nothing of the registry stays reachable once closed
        jvm.close();
        registry.close();
    }

    private void gauge(String name, DaemonMetrics metrics, ToDoubleFunction<DaemonMetrics> value, String help) {
        // Held weakly by the registry: the runtime holds the figures for as long as the process runs.
        Gauge.builder(name, metrics, value).description(help).register(registry);
    }

    private void counter(String name, DaemonMetrics metrics, ToDoubleFunction<DaemonMetrics> value, String help) {
        FunctionCounter.builder(name, metrics, value).description(help).register(registry);
    }
}
