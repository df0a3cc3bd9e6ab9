package org.ovsqos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.core.policy.Configs.tier;
import static org.ovsqos.core.policy.Configs.tiers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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

        BookUpdate u = host.reload(next, 2830);

        assertThat(u.decisions()).extracting(Decision::iface).containsExactly("kvm1.0", "kvm2.0");
        assertThat(u.limits()).containsEntry("kvm1.0", new Limit(1_000_000, 200_000))
                .containsEntry("kvm2.0", new Limit(2_000_000, 400_000));
        assertThat(host.decision("kvm1.0").transition()).isEmpty();
        assertThat(host.decision("kvm1.0").sample()).isEqualTo(SampleOutcome.NONE);
        assertThat(u.book().config()).isEqualTo(next);
    }

    @Test
    void aPenaltyWhoseTierIsRemovedKeepsItsLimitUntilItEnds() {
        Host host = inTier2();   // tier 2 at 800000 kbps until 2820 + 3600 = 6420
        QosConfig oneTier = tiers(tier(0.9, 900, 0.7, 600));

        host.reload(oneTier, 3000);

        Decision d = host.decision("kvm1.0");
        assertThat(d.transition()).as("not demoted").isEmpty();
        assertThat(d.stage()).isEqualTo(2);
        assertThat(d.limit()).isEqualTo(new Limit(800_000, 80_000));
        assertThat(d.penaltyUntil()).hasValue(Traffic.at(6420));

        host.run(3060, 6360, 60, FULL);
        assertThat(host.decision("kvm1.0").limit()).as("held through every tick").isEqualTo(new Limit(800_000, 80_000));
        assertThat(host.book().desiredLimit("kvm1.0", Optional.empty(), Traffic.at(6360)))
                .hasValue(new Limit(800_000, 80_000));
        host.tick(6420, FULL);
        assertThat(host.decision("kvm1.0").transition()).hasValue(new Transition(2, 0, Reason.EXPIRED));
        assertThat(host.decision("kvm1.0").limit()).isEqualTo(new Limit(1_000_000, 100_000));
    }

    @Test
    void withNoTiersLeftRunningPenaltiesStillRunOut() {
        Host host = inTier2();
        host.reload(tiers(), 3000);

        assertThat(host.decision("kvm1.0").transition()).isEmpty();
        assertThat(host.decision("kvm1.0").limit().rateKbps()).isEqualTo(800_000);
        host.run(3060, 6420, 60, FULL);
        assertThat(host.decision("kvm1.0").transition()).hasValue(new Transition(2, 0, Reason.EXPIRED));
        assertThat(host.tier("kvm1.0")).isZero();
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

        BookUpdate u = host.reload(excluding, 3000);

        assertThat(u.forgotten()).containsExactly(new Forgotten("kvm1.0", 2, Forgotten.Why.UNMANAGED));
        assertThat(u.decisions()).extracting(Decision::iface).containsExactly("kvm2.0");
        assertThat(u.book().state("kvm1.0")).isEmpty();
    }

    @Test
    void reloadingTheSameConfigurationChangesNothing() {
        Host host = inTier2();
        PolicyBook before = host.book();

        BookUpdate u = before.reload(Configs.REACHABLE, Traffic.at(2830));

        assertThat(u.book()).isEqualTo(before);
        assertThat(u.decisions()).allSatisfy(d -> assertThat(d.transition()).isEmpty());
        assertThat(u.forgotten()).isEmpty();
    }

    @Test
    void anAbsentPenalisedInterfaceIsFittedToo() {
        Host host = inTier2();
        host.tick(2880, Map.of("kvm2.0", 0.5));
        BookUpdate u = host.reload(tiers(tier(0.5, 60, 0.5, 60)), 2900);

        assertThat(u.book().state("kvm1.0").orElseThrow().tier()).isEqualTo(2);
        assertThat(u.book().state("kvm1.0").orElseThrow().penaltyUntil()).hasValue(Traffic.at(6420));
        assertThat(u.decisions()).extracting(Decision::iface).containsExactly("kvm2.0");
        assertThat(List.of(u.book().view().get(0).present())).containsExactly(false);

        // It comes back at the limit it had, not at anything the new configuration computes.
        assertThat(u.book().desiredLimit("kvm1.0", Optional.empty(), Traffic.at(2910)))
                .hasValue(new Limit(800_000, 80_000));
        host.tick(2960, Map.of("kvm1.0", 1.0, "kvm2.0", 0.5));
        assertThat(host.decision("kvm1.0").limit()).isEqualTo(new Limit(800_000, 80_000));
    }

    @Test
    void aRemovedTierThatComesBackIsJudgedByTheNewConfigurationAgain() {
        Host host = inTier2();
        host.reload(tiers(tier(0.9, 900, 0.9, 3600)), 3000);
        host.reload(tiers(tier(0.9, 900, 0.9, 3600), tier(0.8, 1800, 0.5, 600)), 3060);

        Decision d = host.decision("kvm1.0");
        assertThat(d.limit().rateKbps()).isEqualTo(500_000);
        assertThat(d.penaltyUntil()).as("capped at the tier's new penalty").hasValue(Traffic.at(3660));
    }
}
