package org.ovsqos.daemon.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-interface series, built at each scrape from what the engine last published: no meter
 * per interface, so a daemon of 1000 guests holds no 7000 meters between scrapes, and an
 * interface no longer managed is simply not in the next scrape, which is how Prometheus learns
 * that it is gone. Every figure is in base units (bytes, bytes per second, Unix seconds): a rate
 * of the byte counter compares with the limit as it is, and Prometheus's base unit of data is the
 * byte, not the bit ({@code promtool check metrics} says so).
 *
 * <p>The guest's {@code vm_id} is a label of one series per interface, {@code ovsqos_interface_info},
 * rather than of every series: a query joins it where it is wanted, and the other series keep their
 * identity when it changes or is unknown (an absent row has no {@code external_ids}).
 */
final class InterfaceCollector implements MultiCollector {
    static final String TAG_INTERFACE = "interface";
    static final String TAG_VM_ID = "vm_id";

    /**
     * What an absent row no longer tells, as the last scrape saw it while the row was there. Kept
     * here rather than at each publish, so that a publish stays free: what a row received after
     * the last scrape that saw it, before it went, is not shown.
     */
    private record Remembered(double receivedBytes, String vmId) {}

    private static final Remembered NOTHING = new Remembered(0, "");

    private final DaemonMetrics metrics;
    /** By interface name; only the interfaces of the last scrape, so a gone one is forgotten. */
    private Map<String, Remembered> remembered = new HashMap<>();

    InterfaceCollector(DaemonMetrics metrics) {
        this.metrics = metrics;
    }

    /** Synchronized: the memory of absent rows is read and replaced by one scrape at a time. */
    @Override
    public synchronized MetricSnapshots collect() {
        Collection<InterfaceFigures> figures = metrics.interfaces();
        CounterSnapshot.Builder received = CounterSnapshot.builder().name("ovsqos_interface_receive_bytes")
                .help("Bytes the host received from the guest (its upload): statistics:rx_bytes");
        GaugeSnapshot.Builder limit = gauge("ovsqos_interface_limit_bytes_per_second",
                "Applied ingress_policing_rate, bytes per second");
        GaugeSnapshot.Builder base = gauge("ovsqos_interface_base_bytes_per_second",
                "The interface's plan (base rate), bytes per second");
        GaugeSnapshot.Builder tier = gauge("ovsqos_interface_tier", "Penalty tier, 0 at the base rate");
        GaugeSnapshot.Builder penaltyEnd = gauge("ovsqos_interface_penalty_end_timestamp_seconds",
                "When the running penalty ends, Unix time in seconds; 0 without a penalty");
        GaugeSnapshot.Builder present = gauge("ovsqos_interface_present",
                "1 while the interface exists in OVSDB, 0 while only its penalty is remembered");
        InfoSnapshot.Builder info = InfoSnapshot.builder().name("ovsqos_interface").help("1 for each managed "
                + "interface; vm_id is external_ids:vm-id, the libvirt domain UUID, empty when unknown");
        Map<String, Remembered> seen = new HashMap<>(figures.size() * 2);
        for (InterfaceFigures f : figures) {
            Remembered before = remembered.getOrDefault(f.name(), NOTHING);
            // An absent row's counter stands still rather than dropping to 0, and a known vm_id
            // is not replaced by an unknown one: an absent row has neither statistics nor external_ids.
            Remembered now = new Remembered(f.receivedBytes().isPresent() ? f.receivedBytes().getAsLong()
                    : before.receivedBytes(), f.vmId().orElse(before.vmId()));
            seen.put(f.name(), now);
            Labels labels = Labels.of(TAG_INTERFACE, f.name());
            received.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(now.receivedBytes()).build());
            limit.dataPoint(point(labels, bytesPerSecond(f.limitKbps())));
            base.dataPoint(point(labels, bytesPerSecond(f.baseKbps())));
            tier.dataPoint(point(labels, f.tier()));
            penaltyEnd.dataPoint(point(labels, f.penaltyEnd().map(t -> t.toEpochMilli() / 1000.0).orElse(0.0)));
            present.dataPoint(point(labels, f.present() ? 1 : 0));
            info.dataPoint(InfoDataPointSnapshot.builder().labels(labels.add(TAG_VM_ID, now.vmId())).build());
        }
        remembered = seen;
        return MetricSnapshots.of(received.build(), limit.build(), base.build(), tier.build(), penaltyEnd.build(),
                present.build(), info.build());
    }

    /** OVSDB's kbit/s are 1000 bit/s (ovs-vswitchd.conf.db(5), {@code ingress_policing_rate}). */
    private static double bytesPerSecond(long kbps) {
        return kbps * 1000.0 / 8;
    }

    private static GaugeSnapshot.Builder gauge(String name, String help) {
        return GaugeSnapshot.builder().name(name).help(help);
    }

    private static GaugeDataPointSnapshot point(Labels labels, double value) {
        return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
