package org.ovsqos.core.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One reading of an interface's {@code statistics:rx_bytes} (host-side receive = the guest's
 * upstream) and the instant it was known to be current. For a live OVSDB replica that is the
 * moment the value arrived, or the tick if it has not changed since; for a replica frozen by a
 * lost connection it is the moment the connection was lost, so that the gap rule sees the outage.
 *
 * @param rxBytes the counter, never negative
 * @param observedAt when the counter had that value
 */
public record Observation(long rxBytes, Instant observedAt) {

    /**
     * The fastest rate a counter can plausibly show, in Mbit/s: 1 Tbit/s. No virtual interface
     * carries that much (the fastest NICs are 800 Gbit/s), so a counter that claims more was
     * corrupted or replaced, like a counter that went down, and its interval measures nothing.
     */
    public static final double MAX_PLAUSIBLE_MBPS = 1_000_000.0;

    public Observation {
        if (rxBytes < 0) {
            throw new IllegalArgumentException("rxBytes must not be negative, got " + rxBytes);
        }
        Objects.requireNonNull(observedAt, "observedAt");
    }

    /**
     * The average rate from {@code earlier} to this observation, in Mbit/s (10^6 bit/s): empty
     * unless this one is later, the counter did not go down, and the rate is at most
     * {@link #MAX_PLAUSIBLE_MBPS}. So a rate is never negative and never impossible.
     */
    public OptionalDouble mbpsSince(Observation earlier) {
        if (!observedAt.isAfter(earlier.observedAt) || rxBytes < earlier.rxBytes) {
            return OptionalDouble.empty();
        }
        double mbps = RateMath.mbps(rxBytes - earlier.rxBytes, Duration.between(earlier.observedAt, observedAt));
        return mbps <= MAX_PLAUSIBLE_MBPS ? OptionalDouble.of(mbps) : OptionalDouble.empty();
    }
}
