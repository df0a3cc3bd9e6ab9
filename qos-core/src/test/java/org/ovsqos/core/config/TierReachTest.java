package org.ovsqos.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.core.config.Json.parse;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A tier no guest can reach is reported, so an operator learns it from {@code validate-config}
 * (exit 1) and the daemon's start-up log rather than from a stage 2 that never comes.
 */
class TierReachTest {

    @ParameterizedTest(name = "interval {0} s, penalty {1} s: longest trigger {2} s")
    @CsvSource(textBlock = """
            60,   1800,   1740
            60,   1830,   1800
            60,   1860,   1800
            60,   1861,   1860
            60,   60,     0
            60,   30,     0
            60,   61,     60
            1,    8,      7
            0.5,  2.25,   2
            """)
    void theLongestReachableTriggerEndsOnTheLastSampleThePenaltyLeaves(String interval, String penalty,
            String longest) {
        assertThat(TierReach.longestReachableTrigger(seconds(penalty), seconds(interval)))
                .isEqualTo(seconds(longest));
    }

    @Test
    void theDefaultsReachStageTwo() {
        assertThat(parse("{}").problems()).isEmpty();
        assertThat(TierReach.unreachable(QosConfig.DEFAULT_TIERS, QosConfig.DEFAULT_SAMPLE_INTERVAL,
                i -> "x")).isEmpty();
    }

    @Test
    void aStageTwoTriggerOfExactlyTheLongestReachableIsClean() {
        assertThat(parse("{'stage2_trigger_seconds': 1740}").problems()).isEmpty();
        assertThat(parse("{'stage2_trigger_seconds': 1740.000000001}").problems())
                .extracting(ConfigProblem::key).containsExactly("stage2_trigger_seconds");
    }

    @Test
    void anUnreachableTierInTheListIsNamedByItsTriggerAndTheOthersAreNot() {
        ConfigResult r = parse("{'sample_interval_sec': 10, 'tiers': ["
                + "{'usage_fraction': 0.9, 'trigger_seconds': 60, 'rate_fraction': 0.9, 'penalty_seconds': 5},"
                + "{'usage_fraction': 0.8, 'trigger_seconds': 60, 'rate_fraction': 0.8, 'penalty_seconds': 100},"
                + "{'usage_fraction': 0.7, 'trigger_seconds': 90, 'rate_fraction': 0.7, 'penalty_seconds': 100}]}");

        assertThat(r.problems()).containsExactly(ConfigProblem.warning("tiers[1].trigger_seconds",
                "60 s cannot elapse within tier 1's 5 s penalty at a 10 s sample interval (the timer starts"
                        + " at the first sample in tier 1), so tier 2 is never reached; tier 1's penalty"
                        + " must last longer than one sample interval"));
        assertThat(r.exitCode()).isEqualTo(ConfigResult.EXIT_USABLE_WITH_FALLBACKS);
        assertThat(r.config().orElseThrow().tiers()).as("the tiers are used as written").hasSize(3);
    }

    @Test
    void aLongerIntervalCanMakeATierUnreachable() {
        assertThat(parse("{'sample_interval_sec': 60}").problems()).isEmpty();
        assertThat(parse("{'sample_interval_sec': 120}").problems()).extracting(ConfigProblem::toString)
                .containsExactly("WARNING stage2_trigger_seconds: 1700 s cannot elapse within tier 1's 1800 s"
                        + " penalty at a 120 s sample interval (the timer starts at the first sample in tier 1),"
                        + " so tier 2 is never reached; use at most 1680 s, or a longer tier-1 penalty");
    }

    private static Duration seconds(String s) {
        return Duration.ofNanos(new BigDecimal(s).movePointRight(9).longValueExact());
    }
}
