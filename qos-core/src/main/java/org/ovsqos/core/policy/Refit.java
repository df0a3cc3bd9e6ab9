package org.ovsqos.core.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ovsqos.core.config.QosConfig;

/**
 * Fits a state made under one configuration to another (reload, or a state file written by an
 * earlier run). A tier that no longer exists becomes the highest tier left (tier 0 when none is
 * left); a running penalty is never lengthened, and is shortened to end at most the new tier's
 * penalty after {@code now}.
 */
final class Refit {
    private Refit() {}

    record Fitted(InterfaceState state, Optional<Transition> transition) {}

    static Fitted fit(InterfaceState state, QosConfig config, Instant now, boolean clearTimer) {
        InterfaceState s = clearTimer || !timerPlausible(state, config)
                ? state.withOverSince(Optional.empty()) : state;
        if (!s.penalised()) {
            return new Fitted(s, Optional.empty());
        }
        int tier = Math.min(s.tier(), config.tiers().size());
        Optional<Transition> transition = tier == s.tier()
                ? Optional.empty()
                : Optional.of(new Transition(s.tier(), tier, Reason.RELOADED));
        if (tier == 0) {
            return new Fitted(s.atBase(), transition);
        }
        Instant cap = now.plus(config.tiers().get(tier - 1).penalty());
        Instant until = s.penaltyUntil().orElseThrow();
        if (until.isAfter(cap)) {
            until = cap;
        }
        InterfaceState fitted = tier == s.tier()
                ? new InterfaceState(tier, Optional.of(until), s.overSince(), s.baseline(), s.lastMbps())
                : s.withPenalty(tier, until);
        return new Fitted(fitted, transition);
    }

    /**
     * A timer the step could have left: measured against a baseline, not after it, and shorter
     * than the next tier's trigger (at the trigger the step escalates and clears it). Anything
     * else came from a damaged file and could escalate on the next sample without evidence.
     */
    private static boolean timerPlausible(InterfaceState s, QosConfig config) {
        if (s.overSince().isEmpty()) {
            return true;
        }
        if (s.tier() >= config.tiers().size() || s.baseline().isEmpty()) {
            return false;
        }
        Instant since = s.overSince().get();
        Instant last = s.baseline().get().observedAt();
        return !since.isAfter(last)
                && Duration.between(since, last).compareTo(config.tiers().get(s.tier()).trigger()) < 0;
    }
}
