package org.ovsqos.core.policy;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/** A step's visible result, whether it came from {@link TierPolicy} or a {@link PolicyBook}. */
record Outcome(int tier, Optional<Instant> penaltyUntil, Limit limit,
        Optional<Transition> transition, SampleOutcome sample, OptionalDouble mbps) {

    static Outcome of(StepResult r) {
        return new Outcome(r.state().tier(), r.state().penaltyUntil(), r.limit(), r.transition(),
                r.sample(), r.mbps());
    }

    static Outcome of(Decision d) {
        return new Outcome(d.stage(), d.penaltyUntil(), d.limit(), d.transition(), d.sample(),
                d.mbps());
    }
}
