package org.ovsqos.daemon.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.ovsqos.core.policy.Limit;
import org.ovsqos.daemon.admin.DaemonStatus;
import org.ovsqos.daemon.admin.InterfaceView;
import org.ovsqos.daemon.admin.StateFileStatus;
import org.ovsqos.daemon.metrics.InterfaceFigures;

/**
 * The governor's state as readers see it: the rows of {@code list}, the {@code status}, and the
 * per-interface figures of the metrics; immutable, read by the admin socket and metrics threads
 * without touching the governor's state. Built on the governor's thread when a reader asks
 * ({@link GovernorAdmin#snapshot}).
 */
record Snapshot(List<InterfaceView> interfaces, DaemonStatus status, List<InterfaceFigures> figures) {

    Snapshot {
        interfaces = List.copyOf(interfaces);
        figures = List.copyOf(figures);
    }

    /** Built on the governor's thread from its current state. */
    static Snapshot of(Governor g, StatusFacts facts, StateFileStatus stateFile, Instant now) {
        Map<String, InterfaceView> views = new TreeMap<>();
        for (org.ovsqos.core.policy.PolicyView v : g.book().view()) {
            boolean present = g.present(v.iface());
            InterfaceRow row = present ? g.row(v.iface()) : null;
            Optional<String> vmId = row == null ? Optional.empty() : row.vmId();
            Limit limit = present ? g.desired().getOrDefault(v.iface(), new Limit(v.limitKbps(), v.burstKb()))
                    : new Limit(v.limitKbps(), v.burstKb());
            OptionalDouble nowMbps = present ? g.observations().nowMbps(v.iface(), now) : OptionalDouble.empty();
            views.put(v.iface(), new InterfaceView(v.iface(), v.stage(), limit.rateKbps(), limit.burstKb(),
                    v.baseKbps(), v.penaltyUntil(), v.lastMbps(), nowMbps, present, vmId));
        }
        // Interfaces that appeared since the last tick are policed already; list them too.
        g.desired().forEach((name, limit) -> views.computeIfAbsent(name, n -> {
            InterfaceRow row = g.row(n);
            long base = g.book().config().baseKbps(n, row == null ? Optional.empty() : row.externalBaseMbit());
            return new InterfaceView(n, 0, limit.rateKbps(), limit.burstKb(), base, Optional.empty(), 0.0,
                    g.observations().nowMbps(n, now), true, row == null ? Optional.empty() : row.vmId());
        }));
        Map<Integer, Integer> byTier = new TreeMap<>();
        for (InterfaceView v : views.values()) {
            if (v.stage() > 0) {
                byTier.merge(v.stage(), 1, Integer::sum);
            }
        }
        DaemonStatus status = new DaemonStatus(facts.version(), facts.pid(), facts.startedAt(), g.link().view(),
                views.size(), Optional.ofNullable(g.lastTick()), byTier, facts.configPath(), g.dryRun(),
                Optional.of(stateFile));
        List<InterfaceView> rows = new ArrayList<>(views.values());
        return new Snapshot(rows, status, PublishedFigures.of(rows, g));
    }

    /** The facts of the process that do not change while it runs. */
    record StatusFacts(String version, long pid, Instant startedAt, String configPath) {
    }
}
