package org.ovsqos.core.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one present, managed interface should look like after a tick or reload.
 *
 * @param iface the interface name
 * @param limit the policing to write (unless dry-run); the reconciler skips rows already there
 * @param baseKbps the base rate it was computed from
 * @param stage the tier after the decision
 * @param penaltyUntil when the penalty ends, if penalised
 * @param sample what the tick made of the interface's observation ({@code NONE} on reload)
 * @param mbps the rate measured by this tick, if any
 * @param transition the change of tier, if any
 * @param baseProblem why {@code external_ids:ovs-qos-base-mbit} was ignored; reported once,
 *     when the interface appears or that value changes, so the log is not flooded every tick
 */
public record Decision(
        String iface,
        Limit limit,
        long baseKbps,
        int stage,
        Optional<Instant> penaltyUntil,
        SampleOutcome sample,
        OptionalDouble mbps,
        Optional<Transition> transition,
        Optional<String> baseProblem) {

    public Decision {
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(penaltyUntil, "penaltyUntil");
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(mbps, "mbps");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(baseProblem, "baseProblem");
    }
}
