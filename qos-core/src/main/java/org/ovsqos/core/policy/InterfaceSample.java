package org.ovsqos.core.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the daemon knows of one present interface at a tick.
 *
 * @param observation its {@code statistics:rx_bytes} and when that was current; empty when the
 *     row has no such statistic yet
 * @param externalBaseMbit the raw {@code external_ids:ovs-qos-base-mbit} of the row, if set
 */
public record InterfaceSample(Optional<Observation> observation, Optional<String> externalBaseMbit) {

    public InterfaceSample {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(externalBaseMbit, "externalBaseMbit");
    }

    public static InterfaceSample of(long rxBytes, Instant observedAt) {
        return new InterfaceSample(Optional.of(new Observation(rxBytes, observedAt)), Optional.empty());
    }

    public static InterfaceSample withoutStatistics() {
        return new InterfaceSample(Optional.empty(), Optional.empty());
    }
}
