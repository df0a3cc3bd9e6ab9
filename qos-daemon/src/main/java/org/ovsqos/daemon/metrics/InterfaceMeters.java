package org.ovsqos.daemon.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The per-interface series: one set of meters for each managed interface, registered when it first
 * shows and removed once it is no longer managed, because a series that stops is how Prometheus
 * learns that an interface is gone. Every figure is in base units (bytes, bytes per second, Unix
 * seconds): a rate of the byte counter compares with the limit as it is, and Prometheus's base unit
 * of data is the byte, not the bit ({@code promtool check metrics} says so). Scrapes read the values
 * from another thread, hence volatile.
 *
 * <p>The guest's {@code vm_id} is a label of one series per interface, {@code ovsqos_interface_info},
 * rather than of every series: a query joins it where it is wanted, and the other series keep their
 * identity when it changes or is unknown (an absent row has no {@code external_ids}).
 */
final class InterfaceMeters {
    static final String RECEIVE_BYTES = "ovsqos.interface.receive.bytes";
    static final String LIMIT = "ovsqos.interface.limit.bytes.per.second";
    static final String BASE = "ovsqos.interface.base.bytes.per.second";
    static final String TIER = "ovsqos.interface.tier";
    static final String PENALTY_END = "ovsqos.interface.penalty.end.timestamp.seconds";
    static final String PRESENT = "ovsqos.interface.present";
    static final String INFO = "ovsqos.interface.info";
    static final String TAG_INTERFACE = "interface";
    static final String TAG_VM_ID = "vm_id";

    /** One interface's latest figures, and the meters that read them. */
    private static final class Readings {
        volatile double receivedBytes;
        volatile double limit;
        volatile double base;
        volatile double tier;
        volatile double penaltyEnd;
        volatile double present;
        final List<Meter> meters = new ArrayList<>();
        Meter info;
        String vmId;

        void set(InterfaceFigures f) {
            // Kept while the row is absent: the counter stands still rather than dropping to 0.
            f.receivedBytes().ifPresent(bytes -> receivedBytes = bytes);
            limit = bytesPerSecond(f.limitKbps());
            base = bytesPerSecond(f.baseKbps());
            tier = f.tier();
            penaltyEnd = f.penaltyEnd().map(t -> t.toEpochMilli() / 1000.0).orElse(0.0);
            present = f.present() ? 1 : 0;
        }
    }

    private final MeterRegistry registry;
    private final Map<String, Readings> byName = new HashMap<>();

    InterfaceMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Makes the series match {@code figures}: new interfaces get meters, gone ones lose theirs. */
    synchronized void update(Collection<InterfaceFigures> figures) {
        Set<String> seen = new HashSet<>();
        for (InterfaceFigures f : figures) {
            seen.add(f.name());
            Readings r = byName.computeIfAbsent(f.name(), this::register);
            r.set(f);
            // A known vm_id is never replaced by an unknown one: an absent row has no external_ids.
            String vmId = f.vmId().orElse(r.vmId == null ? "" : r.vmId);
            if (!vmId.equals(r.vmId)) {
                if (r.info != null) {
                    registry.remove(r.info);
                }
                r.vmId = vmId;
                r.info = Gauge.builder(INFO, () -> 1).tags(TAG_INTERFACE, f.name(), TAG_VM_ID, vmId)
                        .description("1 for each managed interface; vm_id is external_ids:vm-id, the libvirt domain "
                                + "UUID, empty when unknown").register(registry);
            }
        }
        byName.entrySet().removeIf(e -> {
            if (seen.contains(e.getKey())) {
                return false;
            }
            e.getValue().meters.forEach(registry::remove);
            registry.remove(e.getValue().info);
            return true;
        });
    }

    private Readings register(String name) {
        Readings r = new Readings();
        Tags tags = Tags.of(TAG_INTERFACE, name);
        r.meters.add(FunctionCounter.builder(RECEIVE_BYTES, r, x -> x.receivedBytes).tags(tags)
                .description("Bytes the host received from the guest (its upload): statistics:rx_bytes")
                .register(registry));
        r.meters.add(gauge(LIMIT, r, x -> x.limit, tags, "Applied ingress_policing_rate, bytes per second"));
        r.meters.add(gauge(BASE, r, x -> x.base, tags, "The interface's plan (base rate), bytes per second"));
        r.meters.add(gauge(TIER, r, x -> x.tier, tags, "Penalty tier, 0 at the base rate"));
        r.meters.add(gauge(PENALTY_END, r, x -> x.penaltyEnd, tags,
                "When the running penalty ends, Unix time in seconds; 0 without a penalty"));
        r.meters.add(gauge(PRESENT, r, x -> x.present, tags,
                "1 while the interface exists in OVSDB, 0 while only its penalty is remembered"));
        return r;
    }

    /** OVSDB's kbit/s are 1000 bit/s (ovs-vswitchd.conf.db(5), {@code ingress_policing_rate}). */
    private static double bytesPerSecond(long kbps) {
        return kbps * 1000.0 / 8;
    }

    private Meter gauge(String name, Readings r, ToDoubleFunction<Readings> value, Tags tags, String help) {
        // Held weakly by the registry, and strongly by byName for as long as the meter is registered.
        return Gauge.builder(name, r, value).tags(tags).description(help).register(registry);
    }
}
