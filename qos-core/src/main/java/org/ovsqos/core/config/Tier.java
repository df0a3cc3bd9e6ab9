package org.ovsqos.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * One penalty tier. Tier {@code n} (1-based) is entered from tier {@code n - 1} when usage, measured
 * against the interface's base rate, stays at or above {@code usageFraction} for at least
 * {@code trigger}; the interface is then policed at {@code base × rateFraction} for
 * {@code penalty}.
 *
 * @param usageFraction threshold on {@code mbps / base_mbit}, in (0, 1]
 * @param trigger how long usage must stay at or above the threshold, positive
 * @param rateFraction the tier's limit as a fraction of the base rate, in (0, 1]
 * @param penalty how long the tier lasts once entered, positive
 */
public record Tier(double usageFraction, Duration trigger, double rateFraction, Duration penalty) {

    public Tier {
        requireFraction("usageFraction", usageFraction);
        requireFraction("rateFraction", rateFraction);
        requirePositive("trigger", trigger);
        requirePositive("penalty", penalty);
    }

    /**
     * The tier's rate: {@code floor(base × rateFraction)} as the old script computed it, but never
     * below 1 kbps, because OVS reads an {@code ingress_policing_rate} of 0 as "no policing".
     */
    public long rateKbps(long baseKbps) {
        return Math.max(1L, (long) (baseKbps * rateFraction));
    }

    private static void requireFraction(String name, double value) {
        if (!(value > 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
