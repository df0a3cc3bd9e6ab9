package org.ovsqos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.core.policy.Configs.tier;
import static org.ovsqos.core.policy.Configs.tiers;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ovsqos.core.config.QosConfig;

/** Hot reload: state is kept, limits are recomputed from the new configuration. */
class ReloadTest {

    private static final Map<String, Double> FULL = Map.of("kvm1.0", 1.0, "kvm2.0", 0.5);

    private static Host inTier2() {
        Host host = new Host(Configs.REACHABLE);
        host.run(0, 2820, 60, FULL);
        assertThat(host.tier("kvm1.0")).isEqualTo(2);
        return host;
    }

    @Test
    void reloadKeepsStateAndRecomputesEveryLimit() {
        Host host = inTier2();
        QosConfig next = tiers(tier(0.9, 900, 0.9, 3600), tier(0.8, 1800, 0.5, 3600))
                .toBuilder().baseKbps(2_000_000).burstFraction(0.2).build();

        Update u = host.reload(next, 2830);

        assertThat(u.decisions()).extracting(Decision::iface).containsExactly("kvm1.0", "kvm2.0");
        assertThat(u.limits()).containsEntry("kvm1.0", new Limit(1_000_000, 200_000))
                .containsEntry("kvm2.0", new Limit(2_000_000, 400_000));
        assertThat(host.decision("kvm1.0").transition()).isEmpty();
        assertThat(host.decision("kvm1.0").sample()).isEqualTo(SampleOutcome.NONE);
        assertThat(u.book().config()).isEqualTo(next);
    }

    @Test
    void aTierThatNoLongerExistsBecomesTheHighestTierLeft() {
        Host host = inTier2();
        QosConfig oneTier = tiers(tier(0.9, 900, 0.7, 600));

        host.reload(oneTier, 3000);

        Decision d = host.decision("kvm1.0");
        assertThat(d.transition()).hasValue(new Transition(2, 1, Reason.RELOADED));
        assertThat(d.limit().rateKbps()).isEqualTo(700_000);
        assertThat(d.penaltyUntil()).as("capped at the new tier's penalty from the reload")
                .hasValue(Traffic.at(3600));
    }

    @Test
    void withNoTiersLeftEveryPenaltyEnds() {
        Host host = inTier2();
        host.reload(tiers(), 3000);

        assertThat(host.decision("kvm1.0").transition()).hasValue(new Transition(2, 0, Reason.RELOADED));
        assertThat(host.decision("kvm1.0").limit().rateKbps()).isEqualTo(1_000_000);
    }

    @Test
    void aReloadNeverLengthensARunningPenaltyButMayShortenIt() {
        Host host = inTier2();   // tier 2 until 2820 + 3600 = 6420
        host.reload(tiers(tier(0.9, 900, 0.9, 3600), tier(0.8, 1800, 0.8, 99_999)), 3000);
        assertThat(host.decision("kvm1.0").penaltyUntil()).hasValue(Traffic.at(6420));

        host.reload(tiers(tier(0.9, 900, 0.9, 3600), tier(0.8, 1800, 0.8, 60)), 3000);
        assertThat(host.decision("kvm1.0").penaltyUntil()).hasValue(Traffic.at(3060));
    }

    @Test
    void timersSurviveAReloadThatKeepsTheTiersAndClearWhenTheTiersChange() {
        Host host = new Host(Configs.DEFAULTS);
        host.run(0, 600, 60, Map.of("kvm5.0", 0.95));
        host.reload(Configs.DEFAULTS.toBuilder().burstMinKb(10).build(), 610);
        host.run(660, 960, 60, Map.of("kvm5.0", 0.95));
        assertThat(host.tier("kvm5.0")).as("timer kept from 60").isEqualTo(1);

        Host other = new Host(Configs.DEFAULTS);
        other.run(0, 600, 60, Map.of("kvm5.0", 0.95));
        other.reload(tiers(tier(0.9, 900, 0.9, 1800)), 610);
        assertThat(other.book().state("kvm5.0").orElseThrow().overSince()).isEmpty();
        other.run(660, 960, 60, Map.of("kvm5.0", 0.95));
        assertThat(other.tier("kvm5.0")).isZero();
    }

    @Test
    void interfacesTheNewConfigurationNoLongerManagesAreForgotten() {
        Host host = inTier2();
        QosConfig excluding = Configs.REACHABLE.toBuilder().excludeRegexes("^kvm1\\.").build();

        Update u = host.reload(excluding, 3000);

        assertThat(u.forgotten()).containsExactly(new Forgotten("kvm1.0", 2, Forgotten.Why.UNMANAGED));
        assertThat(u.decisions()).extracting(Decision::iface).containsExactly("kvm2.0");
        assertThat(u.book().state("kvm1.0")).isEmpty();
    }

    @Test
    void reloadingTheSameConfigurationChangesNothing() {
        Host host = inTier2();
        PolicyBook before = host.book();

        Update u = before.reload(Configs.REACHABLE, Traffic.at(2830));

        assertThat(u.book()).isEqualTo(before);
        assertThat(u.decisions()).allSatisfy(d -> assertThat(d.transition()).isEmpty());
        assertThat(u.forgotten()).isEmpty();
    }

    @Test
    void anAbsentPenalisedInterfaceIsFittedToo() {
        Host host = inTier2();
        host.tick(2880, Map.of("kvm2.0", 0.5));
        Update u = host.reload(tiers(tier(0.5, 60, 0.5, 60)), 2900);

        assertThat(u.book().state("kvm1.0").orElseThrow().tier()).isEqualTo(1);
        assertThat(u.book().state("kvm1.0").orElseThrow().penaltyUntil()).hasValue(Traffic.at(2960));
        assertThat(u.decisions()).extracting(Decision::iface).containsExactly("kvm2.0");
        assertThat(List.of(u.book().view(Traffic.at(2900)).get(0).present())).containsExactly(false);
    }
}
