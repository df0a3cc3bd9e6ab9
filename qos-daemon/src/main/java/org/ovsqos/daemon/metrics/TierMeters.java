package org.ovsqos.daemon.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The series by tier: how many managed interfaces are at each tier, and the transitions between
 * tiers. Every transition the policy can make (an escalation {@code k -> k+1}, a penalty ending
 * or released {@code k -> 0}) has its counter from the start, at 0, so that {@code increase()} and
 * an alert on it see the first transition rather than a series that appears with it.
 */
final class TierMeters {
    static final String INTERFACES = "ovsqos.interfaces";
    static final String TRANSITIONS = "ovsqos.transitions";

    private final MeterRegistry registry;
    private final Map<Integer, AtomicInteger> interfacesByTier = new ConcurrentHashMap<>();

    TierMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Registers the series of a policy with {@code tiers} tiers above the base rate. A reload
     * that removes tiers keeps their series: penalties already running at them still end.
     */
    void configure(int tiers) {
        for (int tier = 0; tier <= tiers; tier++) {
            interfacesAt(tier);
            if (tier < tiers) {
                transitions(tier, tier + 1);
            }
            if (tier > 0) {
                transitions(tier, 0);
            }
        }
    }

    void transition(int from, int to) {
        transitions(from, to).increment();
    }

    /** Counts the interfaces at each tier; a tier no interface is at shows 0. */
    synchronized void count(Collection<InterfaceFigures> figures) {
        Map<Integer, Integer> counts = new HashMap<>();
        figures.forEach(f -> counts.merge(f.tier(), 1, Integer::sum));
        counts.keySet().forEach(this::interfacesAt);
        interfacesByTier.forEach((tier, gauge) -> gauge.set(counts.getOrDefault(tier, 0)));
    }

    private AtomicInteger interfacesAt(int tier) {
        return interfacesByTier.computeIfAbsent(tier, t -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder(INTERFACES, value, AtomicInteger::get).tag("tier", Integer.toString(t))
                    .description("Managed interfaces at each tier, 0 being the base rate").register(registry);
            return value;
        });
    }

    private Counter transitions(int from, int to) {
        return Counter.builder(TRANSITIONS).tag("from", Integer.toString(from)).tag("to", Integer.toString(to))
                .description("Tier changes of managed interfaces: escalations, penalties ending, releases")
                .register(registry);
    }
}
