package org.ovsqos.daemon.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ovsqos.daemon.admin.ConnectionState;

/**
 * The daemon's figures, as the engine reports them; {@code docs/metrics.md} lists every series
 * they make. They are plain atomics and volatiles, not meters: most daemons run without
 * {@code metrics_listen}, and then no Micrometer or Prometheus class is loaded and no meter exists.
 * {@link MetricsEndpoint} builds the meters that read these figures when it starts, so the counters
 * still count from the process's start. The engine writes from its thread, scrapes read from
 * another, hence atomics and volatiles.
 */
public final class DaemonMetrics {
    /** One transition between tiers, the key of its counter. */
    record Transition(int from, int to) {}

    private final AtomicLongArray transactions = new AtomicLongArray(2);
    private final AtomicLongArray reloads = new AtomicLongArray(2);
    private final AtomicLongArray stateSaves = new AtomicLongArray(2);
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong driftRestores = new AtomicLong();
    private final Map<Transition, AtomicLong> transitions = new ConcurrentHashMap<>();
    /** The most tiers any configuration had: a reload that removes tiers keeps their series. */
    private final AtomicInteger tiers = new AtomicInteger();
    private volatile Supplier<Collection<InterfaceFigures>> interfaces = List::of;
    private volatile ConnectionState ovsdbState = ConnectionState.CONNECTING;
    /**
     * Until the first tick, the process's start: the alert on ticks then counts from there. Read
     * from the process table, not from the JVM's management beans, which would load ~100 classes
     * (and java.util.logging) into a daemon that has no other use for them.
     */
    private volatile double lastTickSeconds = ProcessHandle.current().info().startInstant()
            .orElseGet(Instant::now).toEpochMilli() / 1000.0;
    private volatile double tickIntervalSeconds = Double.NaN;
    /** The endpoint's histogram once it has started; until then a tick's duration goes nowhere. */
    private volatile Consumer<Duration> tickTimer = took -> { };

    /**
     * The policy's shape, at start-up and after every reload. Every transition it allows (an
     * escalation {@code k -> k+1}, a penalty ending or released {@code k -> 0}) is counted from 0
     * on, so that {@code increase()} and an alert on it see the first one.
     */
    public void configure(int tierCount, Duration tickInterval) {
        tiers.accumulateAndGet(tierCount, Math::max);
        for (int tier = 0; tier <= tierCount; tier++) {
            if (tier < tierCount) {
                transitionCount(tier, tier + 1);
            }
            if (tier > 0) {
                transitionCount(tier, 0);
            }
        }
        tickIntervalSeconds = tickInterval.toNanos() / 1e9;
    }

    /**
     * Where the per-interface figures come from from now on, asked at each scrape: the engine
     * builds them when asked, not at every change (most changes are statistics, every 5 s). What
     * {@code source} returns is not changed afterwards.
     */
    public void interfacesFrom(Supplier<Collection<InterfaceFigures>> source) {
        interfaces = Objects.requireNonNull(source, "source");
    }

    /** One interface changed tier (an escalation, a penalty ending, or a release). */
    public void transition(int fromTier, int toTier) {
        transitionCount(fromTier, toTier).incrementAndGet();
    }

    public void ovsdbState(ConnectionState state) {
        ovsdbState = Objects.requireNonNull(state, "state");
    }

    public void ovsdbReconnected() {
        reconnects.incrementAndGet();
    }

    public void transaction(boolean succeeded) {
        transactions.incrementAndGet(index(succeeded));
    }

    /** A limit someone else changed was written back. */
    public void driftRestored() {
        driftRestores.incrementAndGet();
    }

    public void reloaded(boolean succeeded) {
        reloads.incrementAndGet(index(succeeded));
    }

    /** A write of the state file (one that changed nothing is no save). */
    public void stateSaved(boolean succeeded) {
        stateSaves.incrementAndGet(index(succeeded));
    }

    /** A tick that started at {@code at} (its policy time) and ran to its end, taking {@code took}. */
    public void tick(Instant at, Duration took) {
        tickTimer.accept(took);
        lastTickSeconds = at.toEpochMilli() / 1000.0;
    }

    // ------------------------------------------------------------- read by the endpoint's meters

    void recordTicksWith(Consumer<Duration> timer) {
        tickTimer = Objects.requireNonNull(timer, "timer");
    }

    Collection<InterfaceFigures> interfaces() {
        return interfaces.get();
    }

    int tiers() {
        return tiers.get();
    }

    /** The transitions counted so far, each with its count; a live view. */
    Map<Transition, AtomicLong> transitions() {
        return transitions;
    }

    long transactions(boolean succeeded) {
        return transactions.get(index(succeeded));
    }

    long reloads(boolean succeeded) {
        return reloads.get(index(succeeded));
    }

    long stateSaves(boolean succeeded) {
        return stateSaves.get(index(succeeded));
    }

    long reconnects() {
        return reconnects.get();
    }

    long driftRestores() {
        return driftRestores.get();
    }

    ConnectionState ovsdbState() {
        return ovsdbState;
    }

    double lastTickSeconds() {
        return lastTickSeconds;
    }

    double tickIntervalSeconds() {
        return tickIntervalSeconds;
    }

    private AtomicLong transitionCount(int from, int to) {
        return transitions.computeIfAbsent(new Transition(from, to), t -> new AtomicLong());
    }

    private static int index(boolean succeeded) {
        return succeeded ? 0 : 1;
    }
}
