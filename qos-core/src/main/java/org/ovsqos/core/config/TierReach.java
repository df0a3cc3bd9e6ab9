package org.ovsqos.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Which tiers a guest can never reach, whatever it sends. Tier {@code n + 1} is entered from
 * tier {@code n}: its timer starts at the first sample in tier {@code n} (the escalation clears
 * every timer), one interval after tier {@code n} began, and tier {@code n} ends on the first
 * sample at or after its penalty, which may still escalate (escalation is checked first). With
 * samples {@code k} intervals after tier {@code n} began, the last one that can escalate is
 * {@code k = ceil(penalty / interval)}, by which the timer has run {@code k - 1} intervals; so
 * the longest trigger that can finish is {@code (ceil(penalty / interval) - 1) × interval}.
 *
 * <p>The seed's README documented a stage-2 trigger of 1800 s with a stage-1 penalty of 1800 s:
 * at a 60 s interval at most 1740 s can finish, so its stage 2 was never reached. Ticks that run
 * late only lengthen both spans alike, so the bound holds for a real sampler too.
 */
final class TierReach {
    private TierReach() {}

    /** The longest trigger that can finish inside a penalty of {@code penalty}; zero if none can. */
    static Duration longestReachableTrigger(Duration penalty, Duration interval) {
        long samples = ceilDiv(penalty.toNanos(), interval.toNanos());
        return interval.multipliedBy(samples - 1);
    }

    /**
     * A warning for every tier after the first whose trigger cannot finish inside the previous
     * tier's penalty; {@code triggerKey} names the key of tier {@code i}'s (0-based) trigger.
     */
    static List<ConfigProblem> unreachable(List<Tier> tiers, Duration interval, IntFunction<String> triggerKey) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (int i = 1; i < tiers.size(); i++) {
            Tier previous = tiers.get(i - 1);
            Duration trigger = tiers.get(i).trigger();
            Duration longest = longestReachableTrigger(previous.penalty(), interval);
            if (trigger.compareTo(longest) <= 0) {
                continue;
            }
            String why = Values.seconds(trigger) + " s cannot elapse within tier " + i + "'s "
                    + Values.seconds(previous.penalty()) + " s penalty at a " + Values.seconds(interval)
                    + " s sample interval (the timer starts at the first sample in tier " + i
                    + "), so tier " + (i + 1) + " is never reached; ";
            String fix = longest.isZero()
                    ? "tier " + i + "'s penalty must last longer than one sample interval"
                    : "use at most " + Values.seconds(longest) + " s, or a longer tier-" + i + " penalty";
            problems.add(ConfigProblem.warning(triggerKey.apply(i), why + fix));
        }
        return problems;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
