package org.ovsqos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.core.policy.Configs.DEFAULTS;
import static org.ovsqos.core.policy.Configs.REACHABLE;
import static org.ovsqos.core.policy.Configs.SEED_README;
import static org.ovsqos.core.policy.Configs.tier;
import static org.ovsqos.core.policy.Configs.tiers;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ovsqos.core.config.QosConfig;

/**
 * The old script's rules 1–8 (docs/configuration.md, "The rules"), one table per rule, with times on
 * the edges. Each row drives one interface on a timeline of seconds and lists every transition
 * it must make, and no others; the shared {@link PolicyChecker} checks every step on the way.
 */
class TierPolicyRulesTest {

    private static Arguments row(String behaviour, QosConfig config, Consumer<Traffic> script,
            String... transitions) {
        return Arguments.of(behaviour, config, script, List.of(transitions));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"rule2Escalation", "rule3SecondTier", "rule4Expiry", "rule6StaleGap",
            "rule7CounterReset", "rule1Measurement"})
    void followsTheRule(String behaviour, QosConfig config, Consumer<Traffic> script,
            List<String> expected) {
        Traffic t = new Traffic(config);
        script.accept(t);
        assertThat(t.transitions()).as(behaviour).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> rule2Escalation() {
        return Stream.of(
                row("rule 2: escalates when usage sits exactly at the threshold for exactly the trigger time",
                        DEFAULTS, t -> t.run(0, 0, 60, 0).run(60, 960, 60, 0.9),
                        "0->1 ESCALATED @960"),
                row("rule 2: does not escalate one sample short of the trigger time",
                        DEFAULTS, t -> t.run(0, 0, 60, 0).run(60, 900, 60, 0.9)),
                row("rule 2: never escalates just under the threshold",
                        DEFAULTS, t -> t.run(0, 0, 60, 0).run(60, 7200, 60, 0.8999999)),
                row("rule 2: a single sample under the threshold restarts the timer",
                        DEFAULTS, t -> {
                            t.run(0, 0, 60, 0).run(60, 480, 60, 0.9);
                            t.observe(540, 0.5);
                            t.run(600, 1500, 60, 0.9);
                        },
                        "0->1 ESCALATED @1500"),
                row("rule 2: the timer starts at the first sample at or over the threshold",
                        DEFAULTS, t -> t.run(0, 0, 60, 0).run(60, 60, 60, 0.5).run(120, 1020, 60, 0.9),
                        "0->1 ESCALATED @1020"),
                row("rule 2: the timer runs on tick times: observations read up to 5 s before their tick"
                                + " still escalate on the 16th sample, 900 s of ticks after the first",
                        DEFAULTS, t -> {
                            t.observe(0, 0);
                            t.observeLate(60, 60, 0.95);
                            for (int k = 2; k <= 16; k++) {
                                t.observeLate(60 * k, 60 * k - 4.9, 0.95);
                            }
                        },
                        "0->1 ESCALATED @960"),
                row("rule 2: on tick times, one tick short of the trigger is short however the"
                                + " observations fall",
                        DEFAULTS, t -> {
                            t.observe(0, 0);
                            t.observeLate(60, 55.1, 0.95);
                            for (int k = 2; k <= 15; k++) {
                                t.observeLate(60 * k, 60 * k, 0.95);
                            }
                        }),
                row("rule 2: a fractional trigger time is honoured exactly",
                        QosConfig.builder().sampleInterval(Duration.ofMillis(500))
                                .tiers(List.of(tier(0.9, 2.5, 0.9, 10))).build(),
                        t -> t.run(0, 0, 0.5, 0).run(0.5, 3.0, 0.5, 1.0),
                        "0->1 ESCALATED @3"));
    }

    static Stream<Arguments> rule3SecondTier() {
        return Stream.of(
                row("rule 3: tier 2 follows its own trigger, counted from the first sample after tier 1",
                        REACHABLE, t -> t.run(0, 2820, 60, 1.0),
                        "0->1 ESCALATED @960", "1->2 ESCALATED @2820"),
                row("rule 3: at exactly the stage-2 threshold of the base, tier 2 follows",
                        REACHABLE, t -> t.run(0, 960, 60, 1.0).run(1020, 2820, 60, 0.8),
                        "0->1 ESCALATED @960", "1->2 ESCALATED @2820"),
                row("rule 3: usage is measured against the base, never the tier-1 limit",
                        // 0.75 of the base is 0.83 of the tier-1 limit, over the 0.8 threshold.
                        REACHABLE, t -> t.run(0, 960, 60, 1.0).run(1020, 4560, 60, 0.75),
                        "0->1 ESCALATED @960", "1->0 EXPIRED @4560"),
                row("rule 3: the top tier does not escalate further, however long the usage",
                        REACHABLE, t -> t.run(0, 6360, 60, 1.0),
                        "0->1 ESCALATED @960", "1->2 ESCALATED @2820"));
    }

    static Stream<Arguments> rule4Expiry() {
        return Stream.of(
                row("rule 4: a penalty ends on the sample at its end, back at tier 0",
                        DEFAULTS, t -> t.run(0, 960, 60, 1.0).run(1020, 2760, 60, 0),
                        "0->1 ESCALATED @960", "1->0 EXPIRED @2760"),
                row("rule 4: a penalty holds until its last instant",
                        DEFAULTS, t -> {
                            t.run(0, 960, 60, 1.0);
                            t.silent(2759.999999999);
                            t.silent(2760);
                        },
                        "0->1 ESCALATED @960", "1->0 EXPIRED @2760"),
                row("rule 4: escalation is checked before expiry when both fall on the same sample",
                        tiers(tier(0.9, 900, 0.9, 1860), tier(0.8, 1800, 0.8, 3600)),
                        t -> t.run(0, 2820, 60, 1.0),
                        "0->1 ESCALATED @960", "1->2 ESCALATED @2820"),
                row("rule 4: expiry wins when the stage-2 trigger is one sample short on that sample",
                        tiers(tier(0.9, 900, 0.9, 1860), tier(0.8, 1860, 0.8, 3600)),
                        t -> t.run(0, 2820, 60, 1.0),
                        "0->1 ESCALATED @960", "1->0 EXPIRED @2820"),
                row("rule 4: tier 2 ends back at tier 0, not tier 1",
                        REACHABLE, t -> t.run(0, 2820, 60, 1.0).run(2880, 6420, 60, 0),
                        "0->1 ESCALATED @960", "1->2 ESCALATED @2820", "2->0 EXPIRED @6420"),
                row("rule 4: timers clear on every transition, so the trigger time counts afresh",
                        SEED_README, t -> t.run(0, 3720, 60, 1.0),
                        "0->1 ESCALATED @960", "1->0 EXPIRED @2760", "0->1 ESCALATED @3720"),
                row("rule 4: with the defaults stage 2 comes on the sample at which the stage-1 penalty ends",
                        // The stage-2 timer starts at the first sample in stage 1 (1020 s) and
                        // reaches 1700 s by 2760 s, when the penalty ends: escalation comes first.
                        DEFAULTS, t -> t.run(0, 2760, 60, 1.0),
                        "0->1 ESCALATED @960", "1->2 ESCALATED @2760"),
                row("rule 4: with the seed README's stage-2 trigger a steady sampler never reaches stage 2",
                        // The stage-1 penalty (1800 s) ends before the stage-2 timer, started by
                        // the first sample after the escalation, can reach 1800 s: as the script.
                        SEED_README, t -> t.run(0, 10800, 60, 1.0),
                        "0->1 ESCALATED @960", "1->0 EXPIRED @2760",
                        "0->1 ESCALATED @3720", "1->0 EXPIRED @5520",
                        "0->1 ESCALATED @6480", "1->0 EXPIRED @8280",
                        "0->1 ESCALATED @9240"));
    }

    static Stream<Arguments> rule6StaleGap() {
        return Stream.of(
                row("rule 6: a gap of exactly twice the interval still measures and keeps the timer",
                        DEFAULTS, t -> t.run(0, 0, 60, 0).run(60, 480, 60, 0.9).run(600, 960, 60, 0.9),
                        "0->1 ESCALATED @960"),
                row("rule 6: a gap just over twice the interval restarts the baseline and the timer",
                        DEFAULTS, t -> {
                            t.run(0, 0, 60, 0).run(60, 480, 60, 0.9);
                            t.observe(600.001, 0.9);
                            t.run(660.001, 1560.001, 60, 0.9);
                        },
                        "0->1 ESCALATED @1560.001"),
                row("rule 6: a stale gap never escalates, however high the usage across it",
                        DEFAULTS, t -> t.run(0, 0, 60, 0).run(60, 900, 60, 0.9).run(10_000, 10_000, 60, 1.0)),
                row("rule 6: penalties run on wall-clock time across gaps",
                        DEFAULTS, t -> t.run(0, 960, 60, 1.0).run(2000, 2000, 60, 1.0).run(2760, 2760, 60, 1.0),
                        "0->1 ESCALATED @960", "1->0 EXPIRED @2760"),
                row("rule 6: an observation older than the previous one (clock went back) restarts the baseline",
                        DEFAULTS, t -> {
                            t.run(0, 0, 60, 0).run(60, 480, 60, 0.9);
                            t.observeLate(540, 479, 0.9);
                            t.run(539, 1439, 60, 0.9);
                        },
                        "0->1 ESCALATED @1439"));
    }

    static Stream<Arguments> rule7CounterReset() {
        return Stream.of(
                row("rule 7: a counter going down restarts the baseline and counts as under the threshold",
                        DEFAULTS, t -> {
                            t.run(0, 0, 60, 0).run(60, 480, 60, 0.9);
                            t.resetCounter(540, 0);
                            t.run(600, 1500, 60, 0.9);
                        },
                        "0->1 ESCALATED @1500"),
                row("rule 7: a counter leaping faster than 1 Tbit/s restarts the baseline like a reset",
                        DEFAULTS, t -> {
                            t.run(0, 0, 60, 0).run(60, 480, 60, 0.9);
                            t.jumpCounter(540, 1L << 62);
                            t.run(600, 1500, 60, 0.9);
                        },
                        "0->1 ESCALATED @1500"),
                row("rule 7: a counter reset does not touch a running penalty",
                        DEFAULTS, t -> {
                            t.run(0, 960, 60, 1.0);
                            t.resetCounter(1020, 5);
                            t.run(1080, 2760, 60, 0);
                        },
                        "0->1 ESCALATED @960", "1->0 EXPIRED @2760"));
    }

    static Stream<Arguments> rule1Measurement() {
        return Stream.of(
                row("rule 1: a repeated observation measures nothing and keeps the timer",
                        DEFAULTS, t -> {
                            t.run(0, 0, 60, 0).run(60, 480, 60, 0.9);
                            t.repeat(540);
                            t.run(600, 960, 60, 0.9);
                        },
                        "0->1 ESCALATED @960"),
                row("rule 1: a tick without statistics neither escalates nor clears the timer",
                        DEFAULTS, t -> {
                            t.run(0, 0, 60, 0).run(60, 900, 60, 0.9);
                            t.silent(960);
                            t.observe(1020, 0.9);
                        },
                        "0->1 ESCALATED @1020"));
    }

    @Test
    void measuresTheAverageRateBetweenObservationTimesNotTickTimes() {
        Traffic t = new Traffic(DEFAULTS);
        t.observe(0, 0);
        StepResult r = t.observeLate(65, 60, 0.5);

        assertThat(r.sample()).isEqualTo(SampleOutcome.MEASURED);
        assertThat(r.mbps()).hasValue(500.0);
        assertThat(r.state().lastMbps()).isEqualTo(500.0);
    }

    @Test
    void firstObservationStartsTheBaselineAndPolicesAtTheBaseRate() {
        Traffic t = new Traffic(DEFAULTS);
        StepResult r = t.observe(0, 0);

        assertThat(r.sample()).isEqualTo(SampleOutcome.FIRST);
        assertThat(r.mbps()).isEmpty();
        assertThat(r.limit()).isEqualTo(new Limit(1_000_000, 100_000));
        assertThat(r.state().tier()).isZero();
    }

    @Test
    void restartedBaselineReportsWhyAndZeroRate() {
        Traffic t = new Traffic(DEFAULTS);
        t.run(0, 120, 60, 0.5);
        assertThat(t.resetCounter(180, 0).sample()).isEqualTo(SampleOutcome.COUNTER_RESET);
        assertThat(t.state().lastMbps()).isZero();
        assertThat(t.observe(400, 0.5).sample()).isEqualTo(SampleOutcome.STALE_GAP);
        assertThat(t.observeLate(460, 300, 0.5).sample()).isEqualTo(SampleOutcome.CLOCK_WENT_BACK);
        assertThat(t.repeat(520).sample()).isEqualTo(SampleOutcome.REPEATED);
        assertThat(t.silent(580).sample()).isEqualTo(SampleOutcome.NONE);
    }

    @Test
    void aCounterLeapingBy2To63BytesMeasuresNothingNeverANegativeOrImpossibleRate() {
        Traffic t = new Traffic(DEFAULTS);
        t.run(0, 60, 60, 0.5);

        StepResult r = t.feed(Traffic.at(65), Optional.of(new Observation(Long.MAX_VALUE, Traffic.at(65))));

        assertThat(r.sample()).isEqualTo(SampleOutcome.IMPOSSIBLE_RATE);
        assertThat(r.mbps()).isEmpty();
        assertThat(r.state().lastMbps()).isZero();
        assertThat(r.state().baseline()).hasValue(new Observation(Long.MAX_VALUE, Traffic.at(65)));
    }

    @Test
    void aRateOfExactly1TbitPerSecondIsMeasuredAndOneByteMoreIsImpossible() {
        long oneTerabitFor60s = 7_500_000_000_000L;
        Traffic t = new Traffic(DEFAULTS);
        t.observe(0, 0);
        StepResult r = t.jumpCounter(60, oneTerabitFor60s);
        assertThat(r.sample()).isEqualTo(SampleOutcome.MEASURED);
        assertThat(r.mbps()).hasValue(Observation.MAX_PLAUSIBLE_MBPS);

        assertThat(t.jumpCounter(120, oneTerabitFor60s + 1).sample()).isEqualTo(SampleOutcome.IMPOSSIBLE_RATE);
    }

    @Test
    void tierZeroIsPolicedAtTheBaseRateAndEachTierAtItsFraction() {
        Traffic t = new Traffic(REACHABLE);
        assertThat(t.observe(0, 0).limit().rateKbps()).isEqualTo(1_000_000);
        t.run(60, 960, 60, 1.0);
        assertThat(t.result().limit()).isEqualTo(new Limit(900_000, 90_000));
        t.run(1020, 2820, 60, 1.0);
        assertThat(t.result().limit()).isEqualTo(new Limit(800_000, 80_000));
    }

    @Test
    void rejectsAStateWhoseTierTheConfigurationDoesNotHave() {
        InterfaceState tier3 = InterfaceState.initial().withPenalty(3, Traffic.at(100));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
                TierPolicy.stepWithoutSample(tier3, Traffic.at(0), 1000, DEFAULTS));
    }
}
