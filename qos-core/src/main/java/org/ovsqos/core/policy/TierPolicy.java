package org.ovsqos.core.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.config.Tier;

/**
 * One interface's policy step, pure: the old script's rules (docs/configuration.md, "The rules") for
 * any number of tiers.
 *
 * <p>Two clocks, as in the script. RateMath, the gap rule and counter checks are measured between
 * {@link Observation#observedAt()} values, because a counter's value belongs to the moment it
 * was read. Condition timers and penalties run on tick times ({@code now}): the script started
 * and checked its timers at its loop times, and statistics arrive every few seconds with jitter,
 * so a timer on observation times would finish {@code 899.x < 900} s after its start about half
 * the time and cost a whole extra interval.
 */
public final class TierPolicy {
    private TierPolicy() {}

    /**
     * Takes one observation. In order: classify it against the baseline (rules 1, 6, 7); if a
     * rate was measured, advance or clear the timer for the next tier and escalate when it has
     * run for the trigger time (rules 2, 3); otherwise, or if not escalated, end an expired
     * penalty (rule 4).
     *
     * @param now the tick time: condition timers start and finish on it, penalties against it
     * @param baseKbps the interface's base rate; usage is always measured against it
     * @throws IllegalArgumentException if {@code state.tier()} is beyond the configured tiers
     *     (the {@link PolicyBook} keeps them consistent across reloads)
     */
    public static StepResult step(InterfaceState state, Observation observation, Instant now,
            long baseKbps, QosConfig config) {
        return step(state, observation, now, baseKbps, config, Optional.empty());
    }

    /**
     * As {@link #step(InterfaceState, Observation, Instant, long, QosConfig)}; {@code held} is the
     * limit of a penalty whose tier a reload removed, which then has no next tier.
     */
    static StepResult step(InterfaceState state, Observation observation, Instant now,
            long baseKbps, QosConfig config, Optional<Limit> held) {
        Objects.requireNonNull(observation, "observation");
        Limit stay = currentLimit(state, now, baseKbps, config, held);
        SampleOutcome sample = classify(state.baseline(), observation, config.staleGap());
        return switch (sample) {
            case MEASURED -> measured(state, observation, now, baseKbps, config, stay);
            case REPEATED -> settle(state, now, baseKbps, config, stay, sample, OptionalDouble.empty());
            case FIRST, COUNTER_RESET, IMPOSSIBLE_RATE, STALE_GAP, CLOCK_WENT_BACK -> {
                // The interval is unknown or meaningless: it counts as under every threshold.
                InterfaceState restarted = state.withOverSince(Optional.empty())
                        .withBaseline(Optional.of(observation), 0.0);
                yield settle(restarted, now, baseKbps, config, stay, sample, OptionalDouble.empty());
            }
            case NONE -> throw new AssertionError("classify never yields NONE");
        };
    }

    /**
     * A tick with no observation (no statistics yet, or none new): nothing is measured and no
     * timer moves, so nothing escalates; a penalty that has ended still ends.
     */
    public static StepResult stepWithoutSample(InterfaceState state, Instant now, long baseKbps,
            QosConfig config) {
        return stepWithoutSample(state, now, baseKbps, config, Optional.empty());
    }

    static StepResult stepWithoutSample(InterfaceState state, Instant now, long baseKbps,
            QosConfig config, Optional<Limit> held) {
        Limit stay = currentLimit(state, now, baseKbps, config, held);
        return settle(state, now, baseKbps, config, stay, SampleOutcome.NONE, OptionalDouble.empty());
    }

    /** The policing of {@code tier} for an interface with this base: rate and burst rule. */
    public static Limit limit(int tier, long baseKbps, QosConfig config) {
        long rate = config.rateKbps(tier, baseKbps);
        return new Limit(rate, config.burstKb(rate));
    }

    static SampleOutcome classify(Optional<Observation> baseline, Observation next, Duration staleGap) {
        if (baseline.isEmpty()) {
            return SampleOutcome.FIRST;
        }
        Observation prev = baseline.get();
        int order = next.observedAt().compareTo(prev.observedAt());
        if (order == 0) {
            return SampleOutcome.REPEATED;
        }
        if (order < 0) {
            return SampleOutcome.CLOCK_WENT_BACK;
        }
        if (Duration.between(prev.observedAt(), next.observedAt()).compareTo(staleGap) > 0) {
            return SampleOutcome.STALE_GAP;
        }
        if (next.rxBytes() < prev.rxBytes()) {
            return SampleOutcome.COUNTER_RESET;
        }
        return next.mbpsSince(prev).isPresent() ? SampleOutcome.MEASURED : SampleOutcome.IMPOSSIBLE_RATE;
    }

    private static StepResult measured(InterfaceState state, Observation observation, Instant now,
            long baseKbps, QosConfig config, Limit stay) {
        double mbps = observation.mbpsSince(state.baseline().orElseThrow()).orElseThrow();
        OptionalDouble measured = OptionalDouble.of(mbps);
        InterfaceState next = state.withBaseline(Optional.of(observation), mbps);
        if (state.tier() >= config.tiers().size()) {
            // The top tier (or one a reload removed) has no next tier, so no timer runs.
            next = next.withOverSince(Optional.empty());
            return settle(next, now, baseKbps, config, stay, SampleOutcome.MEASURED, measured);
        }
        Tier target = config.tiers().get(state.tier());
        if (RateMath.usage(mbps, baseKbps) < target.usageFraction()) {
            next = next.withOverSince(Optional.empty());
            return settle(next, now, baseKbps, config, stay, SampleOutcome.MEASURED, measured);
        }
        Instant since = state.overSince().orElse(now);
        if (Duration.between(since, now).compareTo(target.trigger()) < 0) {
            next = next.withOverSince(Optional.of(since));
            return settle(next, now, baseKbps, config, stay, SampleOutcome.MEASURED, measured);
        }
        // Escalation is checked before expiry: a tier-1 penalty ending on this very sample does
        // not stop the step to tier 2.
        int to = state.tier() + 1;
        InterfaceState escalated = next.withPenalty(to, now.plus(target.penalty()));
        return new StepResult(escalated, limit(to, baseKbps, config),
                Optional.of(new Transition(state.tier(), to, Reason.ESCALATED)),
                SampleOutcome.MEASURED, measured);
    }

    /** Ends the penalty if its time is up, then reports the limit ({@code stay} if it goes on). */
    private static StepResult settle(InterfaceState state, Instant now, long baseKbps,
            QosConfig config, Limit stay, SampleOutcome sample, OptionalDouble mbps) {
        if (state.penalised() && !state.penaltyRunning(now)) {
            InterfaceState base = state.atBase();
            return new StepResult(base, limit(0, baseKbps, config),
                    Optional.of(new Transition(state.tier(), 0, Reason.EXPIRED)), sample, mbps);
        }
        return new StepResult(state, stay, Optional.empty(), sample, mbps);
    }

    /** The limit the interface keeps while its tier does not change: its tier's, or the held one. */
    private static Limit currentLimit(InterfaceState state, Instant now, long baseKbps,
            QosConfig config, Optional<Limit> held) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(held, "held");
        if (state.tier() <= config.tiers().size()) {
            return limit(state.tier(), baseKbps, config);
        }
        return held.orElseThrow(() -> new IllegalArgumentException("tier " + state.tier()
                + " is beyond the " + config.tiers().size() + " configured tiers"));
    }
}
