package org.ovsqos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.core.policy.Configs.tier;
import static org.ovsqos.core.policy.Configs.tiers;

import org.junit.jupiter.api.Test;
import org.ovsqos.core.config.QosConfig;

/** Any number of tiers: the stage keys are only the two-tier case of the same rules. */
class NTierTest {

    private static final QosConfig FOUR = tiers(
            tier(0.9, 300, 0.9, 7200),
            tier(0.8, 300, 0.7, 7200),
            tier(0.6, 300, 0.5, 7200),
            tier(0.4, 300, 0.3, 600));

    @Test
    void climbsEveryTierInTurnAndReturnsToTierZeroWhenTheTopPenaltyEnds() {
        Traffic t = new Traffic(FOUR);
        t.run(0, 0, 60, 0).run(60, 1500, 60, 1.0);
        t.run(1560, 2160, 60, 0);

        assertThat(t.transitions()).containsExactly(
                "0->1 ESCALATED @360",
                "1->2 ESCALATED @720",
                "2->3 ESCALATED @1080",
                "3->4 ESCALATED @1440",
                "4->0 EXPIRED @2040");
    }

    @Test
    void eachTierIsPolicedAtItsOwnFractionOfTheBase() {
        Traffic t = new Traffic(FOUR, 100_000);
        t.run(0, 0, 60, 0);
        long[] expected = {90_000, 70_000, 50_000, 30_000};
        int seen = 0;
        for (int s = 60; s <= 1440; s += 60) {
            StepResult r = t.observe(s, 1.0);
            if (r.transition().isPresent()) {
                assertThat(r.limit().rateKbps()).isEqualTo(expected[seen++]);
            }
        }
        assertThat(seen).isEqualTo(4);
    }

    @Test
    void usageUnderTheNextTiersThresholdHoldsTheTierUntilItsPenaltyEnds() {
        Traffic t = new Traffic(FOUR);
        t.run(0, 0, 60, 0).run(60, 720, 60, 1.0);          // tier 2 at 720
        t.run(780, 7920, 60, 0.59);                        // under tier 3's 0.6

        assertThat(t.transitions()).containsExactly(
                "0->1 ESCALATED @360", "1->2 ESCALATED @720", "2->0 EXPIRED @7920");
    }

    @Test
    void withNoTiersEveryInterfaceStaysAtItsBaseRate() {
        Traffic t = new Traffic(tiers());
        t.run(0, 36_000, 60, 1.0);

        assertThat(t.transitions()).isEmpty();
        assertThat(t.result().limit()).isEqualTo(new Limit(1_000_000, 100_000));
        assertThat(t.state().overSince()).isEmpty();
    }

    @Test
    void aSingleTierRepeatsItselfAfterEachPenalty() {
        Traffic t = new Traffic(tiers(tier(0.5, 120, 0.5, 300)));
        t.run(0, 1200, 60, 0.5);

        assertThat(t.transitions()).containsExactly(
                "0->1 ESCALATED @180", "1->0 EXPIRED @480",
                "0->1 ESCALATED @660", "1->0 EXPIRED @960",
                "0->1 ESCALATED @1140");
    }
}
