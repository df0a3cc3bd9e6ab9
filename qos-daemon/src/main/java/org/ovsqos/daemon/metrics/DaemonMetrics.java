package org.ovsqos.daemon.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.ovsqos.daemon.admin.ConnectionState;
import org.ovsqos.daemon.common.Version;

/**
 * The daemon's meters, as the engine reports to them; {@code docs/metrics.md} lists every series
 * they make. The engine calls from its thread, scrapes read from another, so every value a meter
 * reads is volatile or atomic. Names are Micrometer's dotted form; Prometheus shows
 * {@code ovsqos.transitions} as {@code ovsqos_transitions_total}, a timer in seconds, and so on.
 */
public final class DaemonMetrics implements AutoCloseable {
    static final String BUILD_INFO = "ovsqos.build.info";
    static final String INTERFACES_MANAGED = "ovsqos.interfaces.managed";
    static final String DRIFT_RESTORES = "ovsqos.drift.restores";
    static final String RELOADS = "ovsqos.reloads";
    static final String STATE_SAVES = "ovsqos.state.saves";
    static final String OVSDB_CONNECTION_STATE = "ovsqos.ovsdb.connection.state";
    static final String OVSDB_RECONNECTS = "ovsqos.ovsdb.reconnects";
    static final String OVSDB_TRANSACTIONS = "ovsqos.ovsdb.transactions";
    static final String TICK_DURATION = "ovsqos.tick.duration";
    static final String LAST_TICK = "ovsqos.last.tick.timestamp.seconds";
    static final String TICK_INTERVAL = "ovsqos.tick.interval.seconds";
    static final String TAG_RESULT = "result";
    /** Tick durations fall in these buckets: a tick of 1000 interfaces takes about 10 ms. */
    private static final Duration[] TICK_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(5)};

    private final MeterRegistry registry;
    private final InterfaceMeters interfaces;
    private final TierMeters tiers;
    private final JvmMeters jvm = new JvmMeters();
    private final AtomicInteger managed = new AtomicInteger();
    private volatile ConnectionState ovsdbState = ConnectionState.CONNECTING;
    /** Until the first tick, the process's start: the alert on ticks then counts from there. */
    private volatile double lastTickSeconds = ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0;
    private volatile double tickIntervalSeconds = Double.NaN;
    private final Counter reconnects;
    private final Counter driftRestores;
    private final Timer tick;

    public DaemonMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        JvmMeters.denyFlaggedNames(registry);
        interfaces = new InterfaceMeters(registry);
        tiers = new TierMeters(registry);
        Gauge.builder(BUILD_INFO, () -> 1).tag("version", Version.current())
                .description("1, labelled with the daemon's version").register(registry);
        Gauge.builder(INTERFACES_MANAGED, managed, AtomicInteger::get)
                .description("Interfaces the daemon manages, present or still owing a penalty").register(registry);
        for (ConnectionState state : ConnectionState.values()) {
            Gauge.builder(OVSDB_CONNECTION_STATE, this, m -> m.ovsdbState == state ? 1 : 0)
                    .tag("state", state.jsonName()).description("1 for the state the OVSDB connection is in, else 0")
                    .register(registry);
        }
        reconnects = Counter.builder(OVSDB_RECONNECTS).description("Connections to OVSDB re-established after a loss")
                .register(registry);
        for (boolean success : new boolean[] {true, false}) {
            transactions(success);
            reloads(success);
            stateSaves(success);
        }
        driftRestores = Counter.builder(DRIFT_RESTORES)
                .description("Limits changed behind the daemon's back and written back").register(registry);
        tick = Timer.builder(TICK_DURATION).serviceLevelObjectives(TICK_BUCKETS)
                .description("Time one tick takes: observe, decide, transact, save").register(registry);
        Gauge.builder(LAST_TICK, this, m -> m.lastTickSeconds)
                .description("When the last tick ran, Unix time in seconds (before the first: the process's start)")
                .register(registry);
        Gauge.builder(TICK_INTERVAL, this, m -> m.tickIntervalSeconds)
                .description("sample_interval_sec: how often a tick runs").register(registry);
    }

    /** The policy's shape, at start-up and after every reload. */
    public void configure(int tierCount, Duration tickInterval) {
        tiers.configure(tierCount);
        tickIntervalSeconds = tickInterval.toNanos() / 1e9;
    }

    /** Makes the per-interface series match what the engine last published. */
    public void updateInterfaces(Collection<InterfaceFigures> figures) {
        interfaces.update(figures);
        tiers.count(figures);
        managed.set(figures.size());
    }

    /** One interface changed tier (an escalation, a penalty ending, or a release). */
    public void transition(int fromTier, int toTier) {
        tiers.transition(fromTier, toTier);
    }

    public void ovsdbState(ConnectionState state) {
        ovsdbState = Objects.requireNonNull(state, "state");
    }

    public void ovsdbReconnected() {
        reconnects.increment();
    }

    public void transaction(boolean succeeded) {
        transactions(succeeded).increment();
    }

    /** A limit someone else changed was written back. */
    public void driftRestored() {
        driftRestores.increment();
    }

    public void reloaded(boolean succeeded) {
        reloads(succeeded).increment();
    }

    /** A write of the state file (one that changed nothing is no save). */
    public void stateSaved(boolean succeeded) {
        stateSaves(succeeded).increment();
    }

    /** A tick that started at {@code at} (its policy time) and ran to its end, taking {@code took}. */
    public void tick(Instant at, Duration took) {
        tick.record(took);
        lastTickSeconds = at.toEpochMilli() / 1000.0;
    }

    /** JVM and process meters (memory, GC, threads, classes, CPU, file descriptors, uptime). */
    public void bindJvmMetrics() {
        jvm.bindTo(registry);
    }

    @Override
    public void close() {
        jvm.close();
    }

    private Counter transactions(boolean success) {
        return Counter.builder(OVSDB_TRANSACTIONS).tag(TAG_RESULT, result(success))
                .description("OVSDB transact calls that wrote limits").register(registry);
    }

    private Counter reloads(boolean success) {
        return Counter.builder(RELOADS).tag(TAG_RESULT, result(success))
                .description("Config reloads (ovs-qos reload, SIGHUP): done, or refused").register(registry);
    }

    private Counter stateSaves(boolean success) {
        return Counter.builder(STATE_SAVES).tag(TAG_RESULT, result(success))
                .description("Writes of the state file").register(registry);
    }

    private static String result(boolean success) {
        return success ? "success" : "failure";
    }
}
