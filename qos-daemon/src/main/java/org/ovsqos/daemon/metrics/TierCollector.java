package org.ovsqos.daemon.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The series by tier, built at each scrape: how many managed interfaces are at each tier (counted
 * from what the engine last published), and the transitions between tiers (counted by
 * {@link DaemonMetrics} from the process's start, every one the policy allows at 0 from the start).
 */
final class TierCollector implements MultiCollector {
    private final DaemonMetrics metrics;
    /**
     * Every tier a configuration had or an interface was seen at: a reload that removes tiers
     * keeps their series, since penalties already running at them still end, and a tier keeps
     * its series, at 0, once no interface is at it.
     */
    private final Set<Integer> tiers = new TreeSet<>();

    TierCollector(DaemonMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public synchronized MetricSnapshots collect() {
        Map<Integer, Integer> counts = new HashMap<>();
        metrics.interfaces().forEach(f -> counts.merge(f.tier(), 1, Integer::sum));
        for (int tier = 0; tier <= metrics.tiers(); tier++) {
            tiers.add(tier);
        }
        tiers.addAll(counts.keySet());
        GaugeSnapshot.Builder interfaces = GaugeSnapshot.builder().name("ovsqos_interfaces")
                .help("Managed interfaces at each tier, 0 being the base rate");
        for (int tier : tiers) {
            interfaces.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("tier", Integer.toString(tier)))
                    .value(counts.getOrDefault(tier, 0)).build());
        }
        CounterSnapshot.Builder transitions = CounterSnapshot.builder().name("ovsqos_transitions")
                .help("Tier changes of managed interfaces: escalations, penalties ending, releases");
        metrics.transitions().forEach((t, count) -> transitions.dataPoint(CounterDataPointSnapshot.builder()
                .labels(Labels.of("from", Integer.toString(t.from()), "to", Integer.toString(t.to())))
                .value(count.get()).build()));
        return MetricSnapshots.of(interfaces.build(), transitions.build());
    }
}
