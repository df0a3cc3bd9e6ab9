package org.ovsqos.daemon.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ovsqos.core.policy.InterfaceSample;
import org.ovsqos.core.policy.Observation;

/**
 * What the daemon knows of each interface's {@code rx_bytes}: the value and the moment its update
 * arrived. OVSDB sends an update only when a value changes (ovs-vswitchd refreshes statistics
 * every few seconds), so while connected, a counter that has not moved since the previous tick is
 * known to be current <em>now</em>: that is what lets an idle guest measure 0 instead of repeating
 * its last busy rate. While disconnected nothing is known, and a tick gets no observation at all.
 *
 * <p>It also keeps the rate between the two latest statistics updates, shown as {@code now_mbps}
 * without any sampling of its own: computed as the policy computes rates, so it is never negative
 * and a counter that leaps faster than {@link Observation#MAX_PLAUSIBLE_MBPS} shows no rate until
 * the next update. Confined to the governor's thread.
 */
final class Observations {
    /** After this long without a statistics update, the counter is taken as idle (vswitchd refreshes every 5 s). */
    static final Duration SILENCE_MEANS_IDLE = Duration.ofSeconds(12);

    private final Map<String, Observation> latest = new HashMap<>();
    private final Map<String, Long> sampledAtLastTick = new HashMap<>();
    private final Map<String, Double> recentMbps = new HashMap<>();

    /** Records the row's counter if it changed; {@code at} is when the update arrived. */
    void observe(InterfaceRow row, Instant at) {
        if (row.rxBytes().isEmpty()) {
            return;
        }
        long rx = row.rxBytes().getAsLong();
        Observation previous = latest.get(row.name());
        if (previous != null && previous.rxBytes() == rx) {
            return;
        }
        Observation current = new Observation(rx, at);
        OptionalDouble mbps = previous == null ? OptionalDouble.empty() : current.mbpsSince(previous);
        if (mbps.isPresent()) {
            recentMbps.put(row.name(), mbps.getAsDouble());
        } else {
            recentMbps.remove(row.name());
        }
        latest.put(row.name(), current);
    }

    void forget(String name) {
        latest.remove(name);
        sampledAtLastTick.remove(name);
        recentMbps.remove(name);
    }

    /**
     * The sample a tick at {@code now} hands to the policy for this interface; {@code current}
     * says whether the replica is known to be up to date (connected, or just synchronised).
     */
    InterfaceSample sample(InterfaceRow row, Instant now, boolean current) {
        Optional<Observation> observation = Optional.empty();
        Observation seen = latest.get(row.name());
        if (current && seen != null) {
            Long previous = sampledAtLastTick.get(row.name());
            observation = Optional.of(previous != null && previous == seen.rxBytes()
                    ? new Observation(seen.rxBytes(), now)
                    : seen);
            sampledAtLastTick.put(row.name(), seen.rxBytes());
        }
        return new InterfaceSample(observation, row.externalBaseMbit());
    }

    /** The rate between the two latest updates; 0 once the counter has been still for a while. */
    OptionalDouble nowMbps(String name, Instant now) {
        Observation seen = latest.get(name);
        if (seen == null) {
            return OptionalDouble.empty();
        }
        if (Duration.between(seen.observedAt(), now).compareTo(SILENCE_MEANS_IDLE) > 0) {
            return OptionalDouble.of(0.0);
        }
        Double mbps = recentMbps.get(name);
        return mbps == null ? OptionalDouble.empty() : OptionalDouble.of(mbps);
    }
}
