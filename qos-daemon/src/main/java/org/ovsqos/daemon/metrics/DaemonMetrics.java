package org.ovsqos.daemon.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.ovsqos.daemon.admin.InterfaceView;

/**
 * The daemon's own meters. The engine updates them; scrapes read them from another thread, so
 * every value a gauge reads is volatile. Names are Micrometer's dotted form; Prometheus shows
 * {@code ovsqos_interface_mbps}, {@code ovsqos_transitions_total}, {@code
 * ovsqos_tick_duration_seconds_count} and so on.
 */
public final class DaemonMetrics implements AutoCloseable {
    public static final String INTERFACE_MBPS = "ovsqos.interface.mbps";
    public static final String INTERFACE_STAGE = "ovsqos.interface.stage";
    public static final String INTERFACE_LIMIT_KBPS = "ovsqos.interface.limit.kbps";
    public static final String INTERFACE_PRESENT = "ovsqos.interface.present";
    public static final String INTERFACES_MANAGED = "ovsqos.interfaces.managed";
    public static final String TRANSITIONS = "ovsqos.transitions";
    public static final String OVSDB_CONNECTED = "ovsqos.ovsdb.connected";
    public static final String OVSDB_RECONNECTS = "ovsqos.ovsdb.reconnects";
    public static final String OVSDB_TRANSACTIONS = "ovsqos.ovsdb.transactions";
    public static final String TICK_DURATION = "ovsqos.tick.duration";

    public static final String TAG_INTERFACE = "interface";

    /** The latest values of one interface; the gauges read them. */
    private static final class InterfaceGauges {
        volatile double mbps;
        volatile double stage;
        volatile double limitKbps;
        volatile double present;
        List<Meter> meters = List.of();

        void set(InterfaceView view) {
            mbps = view.lastMbps();
            stage = view.stage();
            limitKbps = view.limitKbps();
            present = view.present() ? 1 : 0;
        }
    }

    private final MeterRegistry registry;
    private final Map<String, InterfaceGauges> interfaces = new HashMap<>();
    private final AtomicInteger managed = new AtomicInteger();
    private final AtomicInteger connected = new AtomicInteger();
    private final Counter reconnects;
    private final Counter transactionsSucceeded;
    private final Counter transactionsFailed;
    private final Timer tick;
    private JvmGcMetrics gcMetrics;

    public DaemonMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        Gauge.builder(INTERFACES_MANAGED, managed, AtomicInteger::get)
                .description("Interfaces the daemon manages, present or still owing a penalty")
                .register(registry);
        Gauge.builder(OVSDB_CONNECTED, connected, AtomicInteger::get)
                .description("1 while connected to OVSDB, else 0")
                .register(registry);
        reconnects = Counter.builder(OVSDB_RECONNECTS)
                .description("Connections to OVSDB re-established after a loss")
                .register(registry);
        transactionsSucceeded = Counter.builder(OVSDB_TRANSACTIONS).tag("outcome", "success")
                .description("OVSDB transact calls").register(registry);
        transactionsFailed = Counter.builder(OVSDB_TRANSACTIONS).tag("outcome", "failure")
                .description("OVSDB transact calls").register(registry);
        tick = Timer.builder(TICK_DURATION)
                .description("Time one tick takes: observe, decide, transact, save")
                .register(registry);
    }

    /**
     * Makes the per-interface gauges match the snapshot: new interfaces get gauges, gone ones lose
     * theirs (a series that stops being reported is how Prometheus learns an interface is gone).
     */
    public synchronized void updateInterfaces(Collection<InterfaceView> views) {
        Set<String> seen = new HashSet<>();
        for (InterfaceView view : views) {
            seen.add(view.name());
            InterfaceGauges gauges = interfaces.computeIfAbsent(view.name(), this::register);
            gauges.set(view);
        }
        interfaces.entrySet().removeIf(e -> {
            if (seen.contains(e.getKey())) {
                return false;
            }
            e.getValue().meters.forEach(registry::remove);
            return true;
        });
        managed.set(interfaces.size());
    }

    /** One interface changed tier (an escalation, a penalty ending, or a release). */
    public void transition(int fromStage, int toStage) {
        Counter.builder(TRANSITIONS)
                .description("Tier changes of managed interfaces")
                .tags(Tags.of("from", Integer.toString(fromStage), "to", Integer.toString(toStage)))
                .register(registry)
                .increment();
    }

    public void ovsdbConnected(boolean isConnected) {
        connected.set(isConnected ? 1 : 0);
    }

    public void ovsdbReconnected() {
        reconnects.increment();
    }

    public void transaction(boolean succeeded) {
        (succeeded ? transactionsSucceeded : transactionsFailed).increment();
    }

    public void tick(Duration took) {
        tick.record(took);
    }

    /** JVM and process meters (memory, GC, threads, classes, CPU, file descriptors, uptime). */
    public synchronized void bindJvmMetrics() {
        if (gcMetrics != null) {
            return;
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
    }

    @Override
    public synchronized void close() {
        if (gcMetrics != null) {
            gcMetrics.close();
            gcMetrics = null;
        }
    }

    private InterfaceGauges register(String name) {
        InterfaceGauges g = new InterfaceGauges();
        Tags tags = Tags.of(TAG_INTERFACE, name);
        g.meters = List.of(
                Gauge.builder(INTERFACE_MBPS, g, x -> x.mbps).tags(tags).strongReference(true)
                        .description("Average upstream rate at the last tick, Mbit/s").register(registry),
                Gauge.builder(INTERFACE_STAGE, g, x -> x.stage).tags(tags).strongReference(true)
                        .description("Penalty tier, 0 when not penalised").register(registry),
                Gauge.builder(INTERFACE_LIMIT_KBPS, g, x -> x.limitKbps).tags(tags).strongReference(true)
                        .description("Applied ingress_policing_rate, kbit/s").register(registry),
                Gauge.builder(INTERFACE_PRESENT, g, x -> x.present).tags(tags).strongReference(true)
                        .description("1 while the interface exists in OVSDB, 0 while only its penalty is remembered")
                        .register(registry));
        return g;
    }
}
