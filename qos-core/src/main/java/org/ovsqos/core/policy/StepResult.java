package org.ovsqos.core.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The outcome of one policy step.
 *
 * @param state the interface's state after the step
 * @param limit the policing it should have now
 * @param transition the change of tier, if the step made one
 * @param sample what the step made of its observation
 * @param mbps the rate measured by this step; present exactly when {@code sample} is
 *     {@link SampleOutcome#MEASURED}
 */
public record StepResult(
        InterfaceState state,
        Limit limit,
        Optional<Transition> transition,
        SampleOutcome sample,
        OptionalDouble mbps) {

    public StepResult {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(mbps, "mbps");
        if (mbps.isPresent() != (sample == SampleOutcome.MEASURED)) {
            throw new IllegalArgumentException("mbps is present exactly for a measured sample");
        }
    }
}
