package org.ovsqos.core.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the policy remembers about one interface between steps.
 *
 * @param tier the current stage, 0 = policed at the base rate
 * @param penaltyUntil when the current penalty ends; present exactly when {@code tier > 0}
 * @param overSince when the current run of samples at or above the next tier's threshold began
 *     (the tick time of its first sample); empty when no run is going
 * @param baseline the previous observation, which the next one is measured against
 * @param lastMbps the most recently measured rate (0 after the baseline restarts, as before)
 */
public record InterfaceState(
        int tier,
        Optional<Instant> penaltyUntil,
        Optional<Instant> overSince,
        Optional<Observation> baseline,
        double lastMbps) {

    private static final InterfaceState INITIAL =
            new InterfaceState(0, Optional.empty(), Optional.empty(), Optional.empty(), 0.0);

    public InterfaceState {
        if (tier < 0) {
            throw new IllegalArgumentException("tier must not be negative, got " + tier);
        }
        Objects.requireNonNull(penaltyUntil, "penaltyUntil");
        Objects.requireNonNull(overSince, "overSince");
        Objects.requireNonNull(baseline, "baseline");
        if (penaltyUntil.isPresent() != (tier > 0)) {
            throw new IllegalArgumentException(
                    "penaltyUntil must be present exactly when tier > 0 (tier " + tier + ")");
        }
        if (!(lastMbps >= 0.0) || Double.isInfinite(lastMbps)) {
            throw new IllegalArgumentException("lastMbps must be finite and >= 0, got " + lastMbps);
        }
    }

    /** A newly seen interface: tier 0, no baseline, no timer. */
    public static InterfaceState initial() {
        return INITIAL;
    }

    public boolean penalised() {
        return tier > 0;
    }

    /** True when penalised and the penalty has not ended at {@code now}. */
    public boolean penaltyRunning(Instant now) {
        return penaltyUntil.map(now::isBefore).orElse(false);
    }

    /** Penalised in {@code newTier} until {@code until}, with condition timers cleared. */
    public InterfaceState withPenalty(int newTier, Instant until) {
        if (newTier < 1) {
            throw new IllegalArgumentException("a penalty tier is at least 1, got " + newTier);
        }
        return new InterfaceState(newTier, Optional.of(until), Optional.empty(), baseline, lastMbps);
    }

    /** Back at tier 0, condition timers cleared; the baseline is kept. */
    public InterfaceState atBase() {
        return new InterfaceState(0, Optional.empty(), Optional.empty(), baseline, lastMbps);
    }

    public InterfaceState withOverSince(Optional<Instant> since) {
        return new InterfaceState(tier, penaltyUntil, since, baseline, lastMbps);
    }

    public InterfaceState withBaseline(Optional<Observation> newBaseline, double mbps) {
        return new InterfaceState(tier, penaltyUntil, overSince, newBaseline, mbps);
    }

    /** The same penalty, but no baseline and no timer: the measurement starts over. */
    public InterfaceState forgetMeasurement() {
        return new InterfaceState(tier, penaltyUntil, Optional.empty(), Optional.empty(), lastMbps);
    }
}
