package org.ovsqos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ovsqos.core.config.BaseRateOverride;
import org.ovsqos.core.config.NamePattern;
import org.ovsqos.core.config.QosConfig;

/** Each guest's plan: base_rate_overrides, and external_ids:ovs-qos-base-mbit over the file. */
class PerGuestBaseTest {

    private static final QosConfig SMALL_PLANS = QosConfig.builder()
            .baseRateOverrides(List.of(
                    new BaseRateOverride(NamePattern.compile("^kvm1\\."), 100_000),
                    new BaseRateOverride(NamePattern.compile("^kvm1"), 50_000)))
            .build();

    @Test
    void usageIsMeasuredAgainstEachGuestsOwnBase() {
        Host host = new Host(SMALL_PLANS);
        // 0.95 of 100 Mbit/s for kvm1.0 is 95 Mbit/s; kvm2.0 carries the same 95 Mbit/s,
        // which is 0.095 of its 1000 Mbit/s default.
        host.run(0, 0, 60, Map.of("kvm1.0", 0.0, "kvm2.0", 0.0));
        host.run(60, 960, 60, Map.of("kvm1.0", 0.95, "kvm2.0", 0.095));

        assertThat(host.tier("kvm1.0")).isEqualTo(1);
        assertThat(host.tier("kvm2.0")).isZero();
        assertThat(host.decision("kvm1.0").limit()).isEqualTo(new Limit(90_000, 9_000));
        assertThat(host.decision("kvm1.0").mbps().getAsDouble()).isEqualTo(95.0);
        assertThat(host.decision("kvm2.0").mbps().getAsDouble()).isEqualTo(95.0);
    }

    @Test
    void theFirstMatchingOverrideWins() {
        assertThat(SMALL_PLANS.baseKbps("kvm1.0", Optional.empty())).isEqualTo(100_000);
        assertThat(SMALL_PLANS.baseKbps("kvm15.0", Optional.empty())).isEqualTo(50_000);
        assertThat(SMALL_PLANS.baseKbps("kvm2.0", Optional.empty())).isEqualTo(1_000_000);
    }

    @Test
    void externalIdsBaseWinsOverOverridesAndTheFile() {
        Host host = new Host(SMALL_PLANS).external("kvm1.0", "20").external("kvm2.0", "2.5");
        host.tick(0, "kvm1.0", "kvm2.0");

        assertThat(host.decision("kvm1.0").baseKbps()).isEqualTo(20_000);
        assertThat(host.decision("kvm1.0").limit()).isEqualTo(new Limit(20_000, 2_000));
        assertThat(host.decision("kvm2.0").baseKbps()).isEqualTo(2_500);
        assertThat(host.decision("kvm2.0").limit()).isEqualTo(new Limit(2_500, 2_000));
        assertThat(host.decision("kvm1.0").baseProblem()).isEmpty();
    }

    @Test
    void aBadExternalBaseIsIgnoredWithAReasonReportedOncePerValue() {
        Host host = new Host(SMALL_PLANS).external("kvm1.0", "fast");
        host.tick(0, "kvm1.0");
        assertThat(host.decision("kvm1.0").baseKbps()).isEqualTo(100_000);
        assertThat(host.decision("kvm1.0").baseProblem()).hasValue(
                "external_ids:ovs-qos-base-mbit=\"fast\" is not a number;"
                        + " using 100 Mbit/s from base_rate_overrides");

        host.tick(60, "kvm1.0");
        assertThat(host.decision("kvm1.0").baseProblem()).isEmpty();

        host.external("kvm1.0", "0").tick(120, "kvm1.0");
        assertThat(host.decision("kvm1.0").baseProblem()).hasValueSatisfying(p -> assertThat(p)
                .contains("\"0\" is out of range (must be between 0.001 and 4294967)"));
    }

    @Test
    void aChangedPlanRecomputesTheLimitOfARunningPenalty() {
        Host host = new Host(Configs.DEFAULTS);
        host.run(0, 960, 60, Map.of("kvm7.0", 1.0));
        assertThat(host.decision("kvm7.0").limit().rateKbps()).isEqualTo(900_000);

        host.external("kvm7.0", "500").tick(1020, Map.of("kvm7.0", 0.0));

        assertThat(host.tier("kvm7.0")).isEqualTo(1);
        assertThat(host.decision("kvm7.0").limit()).isEqualTo(new Limit(450_000, 45_000));
    }

    @Test
    void externalBaseAcceptsDecimalsAndSurroundingBlanksAndTruncatesToWholeKbps() {
        QosConfig c = QosConfig.defaults();
        assertThat(c.baseKbps("kvm1.0", Optional.of(" 0.0015 "))).isEqualTo(1);
        assertThat(c.baseKbps("kvm1.0", Optional.of("1e3"))).isEqualTo(1_000_000);
        assertThat(c.resolveBase("kvm1.0", Optional.of("4294968")).ignoredExternal()).isPresent();
        assertThat(c.resolveBase("kvm1.0", Optional.of("NaN")).ignoredExternal()).isPresent();
        assertThat(c.resolveBase("kvm1.0", Optional.of("")).ignoredExternal()).isPresent();
    }
}
