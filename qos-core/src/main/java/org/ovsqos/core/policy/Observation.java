package org.ovsqos.core.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * One reading of an interface's {@code statistics:rx_bytes} (host-side receive = the guest's
 * upstream) and the instant it was known to be current. For a live OVSDB replica that is the
 * moment of the read (the tick); for a replica frozen by a lost connection it is the moment the
 * connection was lost, so that the gap rule sees the outage.
 *
 * @param rxBytes the counter, never negative
 * @param observedAt when the counter had that value
 */
public record Observation(long rxBytes, Instant observedAt) {

    public Observation {
        if (rxBytes < 0) {
            throw new IllegalArgumentException("rxBytes must not be negative, got " + rxBytes);
        }
        Objects.requireNonNull(observedAt, "observedAt");
    }
}
