package org.ovsqos.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.core.config.Json.parse;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The keys beyond the old script: tiers, base_rate_overrides, exclude_regexes. */
class ConfigNewKeysTest {

    private static final String THREE_TIERS = "'tiers': ["
            + "{'usage_fraction': 0.9, 'trigger_seconds': 600, 'rate_fraction': 0.9, 'penalty_seconds': 1800},"
            + "{'usage_fraction': 0.8, 'trigger_seconds': 900, 'rate_fraction': 0.7, 'penalty_seconds': 3600},"
            + "{'usage_fraction': 0.6, 'trigger_seconds': 1200.5, 'rate_fraction': 0.5, 'penalty_seconds': 7200}]";

    @Test
    void tiersDefineAnyNumberOfTiersInOrder() {
        ConfigResult r = parse("{" + THREE_TIERS + "}");

        assertThat(r.problems()).isEmpty();
        assertThat(r.config().orElseThrow().tiers()).containsExactly(
                new Tier(0.9, Duration.ofSeconds(600), 0.9, Duration.ofSeconds(1800)),
                new Tier(0.8, Duration.ofSeconds(900), 0.7, Duration.ofSeconds(3600)),
                new Tier(0.6, Duration.ofMillis(1_200_500), 0.5, Duration.ofSeconds(7200)));
    }

    @Test
    void anEmptyTiersListMeansInterfacesAreOnlyPolicedAtTheirBase() {
        ConfigResult r = parse("{'tiers': []}");

        assertThat(r.problems()).isEmpty();
        assertThat(r.config().orElseThrow().tiers()).isEmpty();
    }

    @Test
    void givenTiersTheStageKeysAreIgnoredEachWithAWarning() {
        ConfigResult r = parse("{" + THREE_TIERS + ", 'stage1_trigger_seconds': 60, 'stage2_rate_fraction': 0.1}");

        assertThat(r.problems()).containsExactly(
                ConfigProblem.warning("stage1_trigger_seconds", "is ignored because tiers is given"),
                ConfigProblem.warning("stage2_rate_fraction", "is ignored because tiers is given"));
        assertThat(r.config().orElseThrow().tiers()).hasSize(3);
    }

    @Test
    void aBadTierVoidsTheWholeListAndTheStageKeysApply() {
        ConfigResult r = parse("{'stage1_trigger_seconds': 600, 'tiers': ["
                + "{'usage_fraction': 0.9, 'trigger_seconds': 60, 'rate_fraction': 0.9, 'penalty_seconds': 60},"
                + "{'usage_fraction': 0.8, 'trigger_seconds': 60, 'rate_fraction': 2, 'penalty_seconds': 60},"
                + "{'usage_fraction': 0.8, 'trigger_seconds': 60, 'rate_fraction': 0.5}, 5]}");

        assertThat(r.problems()).containsExactly(
                ConfigProblem.warning("tiers[1].rate_fraction", "2 is out of range (must be greater than 0"
                        + " and at most 1); the tiers list is ignored and the stage1_*/stage2_* keys are used"),
                ConfigProblem.warning("tiers[2].penalty_seconds", "is missing; the tiers list is ignored"
                        + " and the stage1_*/stage2_* keys are used"),
                ConfigProblem.warning("tiers[3]", "5 is not an object; the tiers list is ignored and the"
                        + " stage1_*/stage2_* keys are used"));
        assertThat(r.config().orElseThrow().tiers()).containsExactly(
                new Tier(0.9, Duration.ofSeconds(600), 0.9, Duration.ofSeconds(1800)),
                QosConfig.DEFAULT_STAGE2);
    }

    @Test
    void anUnknownFieldInATierIsReportedButTheTierKept() {
        ConfigResult r = parse("{'tiers': [{'usage_fraction': 0.9, 'trigger_seconds': 60,"
                + " 'rate_fraction': 0.9, 'penalty_seconds': 60, 'rate_fractoin': 0.1}]}");

        assertThat(r.problems()).containsExactly(
                ConfigProblem.warning("tiers[0].rate_fractoin", "is not a known key (a typo?); ignored"));
        assertThat(r.config().orElseThrow().tiers()).hasSize(1);
    }

    @Test
    void theStageKeysAreTheTwoTierFormOfTiers() {
        QosConfig fromStages = parse("{'stage1_usage_fraction': 0.7, 'stage2_penalty_seconds': 60}")
                .config().orElseThrow();
        QosConfig fromTiers = parse("{'tiers': ["
                + "{'usage_fraction': 0.7, 'trigger_seconds': 900, 'rate_fraction': 0.9, 'penalty_seconds': 1800},"
                + "{'usage_fraction': 0.8, 'trigger_seconds': 1700, 'rate_fraction': 0.8, 'penalty_seconds': 60}]}")
                .config().orElseThrow();

        assertThat(fromStages).isEqualTo(fromTiers);
    }

    @Test
    void overridesKeepTheirOrderAndABadEntryIsDroppedAlone() {
        ConfigResult r = parse("{'base_rate_overrides': ["
                + "{'regex': '[', 'base_rate_mbit': 10},"
                + "{'regex': '^kvm1\\\\.', 'base_rate_mbit': 100},"
                + "{'regex': '^kvm2'},"
                + "{'regex': 5, 'base_rate_mbit': 0, 'note': 'x'},"
                + "'^kvm3',"
                + "{'regex': '^kvm', 'base_rate_mbit': 0.5}]}");

        assertThat(r.problems()).extracting(ConfigProblem::key).containsExactly(
                "base_rate_overrides[0].regex",
                "base_rate_overrides[2].base_rate_mbit",
                "base_rate_overrides[3].note",
                "base_rate_overrides[3].regex",
                "base_rate_overrides[3].base_rate_mbit",
                "base_rate_overrides[4]");
        assertThat(r.problems().get(1).message()).isEqualTo("is missing; entry dropped");
        QosConfig c = r.config().orElseThrow();
        assertThat(c.baseRateOverrides()).containsExactly(
                new BaseRateOverride(NamePattern.compile("^kvm1\\."), 100_000),
                new BaseRateOverride(NamePattern.compile("^kvm"), 500));
        assertThat(c.baseKbps("kvm1.0", Optional.empty())).isEqualTo(100_000);
        assertThat(c.baseKbps("kvm2.0", Optional.empty())).isEqualTo(500);
    }

    @Test
    void excludedNamesAreLeftAloneAndABadExcludeRegexIsDropped() {
        ConfigResult r = parse("{'exclude_regexes': ['^kvm9\\\\.', '(', 1]}");

        assertThat(r.problems()).extracting(ConfigProblem::key)
                .containsExactly("exclude_regexes[1]", "exclude_regexes[2]");
        QosConfig c = r.config().orElseThrow();
        assertThat(c.manages("kvm9.0")).isFalse();
        assertThat(c.manages("kvm19.0")).isTrue();
    }
}
