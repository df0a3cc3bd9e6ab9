package org.ovsqos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ovs-qos release IFACE}: a manual return to tier 0. */
class ReleaseTest {

    private static Host penalised() {
        Host host = new Host(Configs.DEFAULTS);
        host.run(0, 960, 60, Map.of("kvm3.0", 1.0, "kvm4.0", 0.0));
        return host;
    }

    @Test
    void releasingAPenalisedInterfaceReturnsItToItsBaseAtOnce() {
        Host host = penalised();
        ReleaseResult r = host.release("kvm3.0", 1000);

        assertThat(r.outcome()).isEqualTo(ReleaseResult.Outcome.RELEASED);
        assertThat(r.transition()).hasValue(new Transition(1, 0, Reason.RELEASED));
        assertThat(r.limit()).hasValue(new Limit(1_000_000, 100_000));
        assertThat(r.book().state("kvm3.0").orElseThrow().tier()).isZero();
        assertThat(r.book().state("kvm3.0").orElseThrow().penaltyUntil()).isEmpty();
    }

    @Test
    void aReleasedInterfaceMustSaturateForTheWholeTriggerTimeAgain() {
        Host host = penalised();
        host.release("kvm3.0", 1000);
        host.run(1020, 1860, 60, Map.of("kvm3.0", 1.0, "kvm4.0", 0.0));
        assertThat(host.tier("kvm3.0")).isZero();

        host.tick(1920, Map.of("kvm3.0", 1.0, "kvm4.0", 0.0));
        assertThat(host.tier("kvm3.0")).as("timer restarted at 1020").isEqualTo(1);
    }

    @Test
    void releasingAnAbsentPenalisedInterfaceForgetsIt() {
        Host host = penalised();
        host.tick(1020, "kvm4.0");
        ReleaseResult r = host.release("kvm3.0", 1030);

        assertThat(r.outcome()).isEqualTo(ReleaseResult.Outcome.RELEASED);
        assertThat(r.limit()).as("nothing to write for an absent interface").isEmpty();
        assertThat(r.book().state("kvm3.0")).isEmpty();
    }

    @Test
    void releasingAnUnpenalisedOrUnknownInterfaceChangesNothing() {
        Host host = penalised();
        PolicyBook before = host.book();

        ReleaseResult notPenalised = before.release("kvm4.0", Traffic.at(1000));
        ReleaseResult unknown = before.release("kvm99.0", Traffic.at(1000));

        assertThat(notPenalised.outcome()).isEqualTo(ReleaseResult.Outcome.NOT_PENALISED);
        assertThat(notPenalised.book()).isSameAs(before);
        assertThat(notPenalised.transition()).isEmpty();
        assertThat(unknown.outcome()).isEqualTo(ReleaseResult.Outcome.UNKNOWN);
        assertThat(unknown.book()).isSameAs(before);
    }
}
