package org.ovsqos.core.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ovsqos.core.config.QosConfig;

/**
 * Fits a state made under one configuration to another: a reload, or a state file written by an
 * earlier run. A running penalty is never lengthened, and is shortened to end at most its tier's
 * new penalty after {@code now}. A tier the configuration no longer has becomes the highest tier
 * left (tier 0 when none is left): a state file does not say what limit such a tier had. (A
 * reload knows, and keeps that limit instead: see {@link PolicyBook#reload}.)
 */
final class Refit {
    private Refit() {}

    static InterfaceState fit(InterfaceState state, QosConfig config, Instant now, boolean clearTimer) {
        InterfaceState s = clearTimer || !timerPlausible(state, config)
                ? state.withOverSince(Optional.empty()) : state;
        if (!s.penalised()) {
            return s;
        }
        int tier = Math.min(s.tier(), config.tiers().size());
        if (tier == 0) {
            return s.atBase();
        }
        Instant cap = now.plus(config.tiers().get(tier - 1).penalty());
        Instant until = s.penaltyUntil().orElseThrow();
        if (until.isAfter(cap)) {
            until = cap;
        }
        return tier == s.tier()
                ? new InterfaceState(tier, Optional.of(until), s.overSince(), s.baseline(), s.lastMbps())
                : s.withPenalty(tier, until);
    }

    /**
     * A timer the step could have left: shorter than the next tier's trigger (at the trigger the
     * step escalates and clears it), measured against a baseline, and started no later than the
     * tick that took that baseline could have run. A timer starts at a tick, and a baseline is
     * what a tick saw, read up to an interval before it; the stale gap (two intervals) is a
     * generous bound on that. Anything else came from a damaged file and could escalate on the
     * next sample without evidence.
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
        return !since.isAfter(last.plus(config.staleGap()))
                && Duration.between(since, last).compareTo(config.tiers().get(s.tier()).trigger()) < 0;
    }
}
