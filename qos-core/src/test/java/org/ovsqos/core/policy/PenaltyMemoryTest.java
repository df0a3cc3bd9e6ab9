package org.ovsqos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * NEW beyond the old script: a penalty survives the interface disappearing (guest reboot,
 * migration) and applies again the moment it returns; the record goes when the penalty ends.
 */
class PenaltyMemoryTest {

    private static Host penalisedAt960() {
        Host host = new Host(Configs.DEFAULTS);
        host.run(0, 960, 60, Map.of("kvm101.0", 1.0));
        assertThat(host.tier("kvm101.0")).isEqualTo(1);
        return host;
    }

    @Test
    void aPenalisedInterfaceThatDisappearsIsRememberedAndPenalisedAgainOnReturn() {
        Host host = penalisedAt960();
        host.tick(1020);
        assertThat(host.last().forgotten()).isEmpty();
        assertThat(host.book().present("kvm101.0")).isFalse();

        BookUpdate back = host.recreate("kvm101.0").tick(1500, Map.of("kvm101.0", 0.0));

        Decision d = host.decision("kvm101.0");
        assertThat(d.stage()).isEqualTo(1);
        assertThat(d.limit()).isEqualTo(new Limit(900_000, 90_000));
        assertThat(d.sample()).as("a returning interface starts a new baseline")
                .isEqualTo(SampleOutcome.FIRST);
        assertThat(back.book().present("kvm101.0")).isTrue();
    }

    @Test
    void desiredLimitGivesAReturningInterfaceThePenaltyItStillOwes() {
        PolicyBook book = penalisedAt960().tick(1020).book();

        assertThat(book.desiredLimit("kvm101.0", Optional.empty(), Traffic.at(1100)))
                .hasValue(new Limit(900_000, 90_000));
        assertThat(book.desiredLimit("kvm101.0", Optional.empty(), Traffic.at(2760)))
                .as("at its end the penalty is no longer owed").hasValue(new Limit(1_000_000, 100_000));
        assertThat(book.desiredLimit("kvm102.0", Optional.of("300"), Traffic.at(1100)))
                .as("a new interface gets its base").hasValue(new Limit(300_000, 30_000));
        assertThat(book.desiredLimit("vnet0", Optional.empty(), Traffic.at(1100)))
                .as("an unmanaged interface is never touched").isEmpty();
    }

    @Test
    void anAbsentInterfacesRecordIsDroppedExactlyWhenItsPenaltyEnds() {
        Host host = penalisedAt960();
        host.tick(1020);
        host.tick(2759);
        assertThat(host.book().state("kvm101.0")).isPresent();

        BookUpdate end = host.tick(2760);

        assertThat(end.forgotten()).containsExactly(
                new Forgotten("kvm101.0", 1, Forgotten.Why.PENALTY_ENDED));
        assertThat(end.book().state("kvm101.0")).isEmpty();
    }

    @Test
    void anInterfaceThatReturnsAfterItsPenaltyEndedStartsAtItsBase() {
        Host host = penalisedAt960();
        host.tick(1020);
        host.tick(3000);
        host.tick(3060, Map.of("kvm101.0", 1.0));

        assertThat(host.decision("kvm101.0").stage()).isZero();
        assertThat(host.decision("kvm101.0").limit().rateKbps()).isEqualTo(1_000_000);
    }

    @Test
    void anUnpenalisedInterfaceIsForgottenAsSoonAsItDisappears() {
        Host host = new Host(Configs.DEFAULTS);
        host.tick(0, "kvm1.0", "kvm2.0");
        BookUpdate u = host.tick(60, "kvm2.0");

        assertThat(u.forgotten()).containsExactly(new Forgotten("kvm1.0", 0, Forgotten.Why.DISAPPEARED));
        assertThat(u.book().size()).isEqualTo(1);
    }

    @Test
    void aReturnedInterfaceKeepsEscalatingFromTheTierItOwes() {
        Host host = new Host(Configs.REACHABLE);
        host.run(0, 960, 60, Map.of("kvm9.1", 1.0));
        host.tick(1020);
        host.recreate("kvm9.1").tick(1080, Map.of("kvm9.1", 0.0));
        host.run(1140, 2940, 60, Map.of("kvm9.1", 1.0));

        assertThat(host.tier("kvm9.1")).as("tier-2 timer from 1140 reaches 1800 s at 2940").isEqualTo(2);
        assertThat(host.decision("kvm9.1").transition())
                .hasValue(new Transition(1, 2, Reason.ESCALATED));
    }

    @Test
    void theListShowsAnAbsentPenalisedInterfaceAsNotPresentWithItsPenaltyEnd() {
        PolicyBook book = penalisedAt960().tick(1020).book();

        PolicyView v = book.view().get(0);

        assertThat(v.iface()).isEqualTo("kvm101.0");
        assertThat(v.present()).isFalse();
        assertThat(v.stage()).isEqualTo(1);
        assertThat(v.limitKbps()).isEqualTo(900_000);
        assertThat(v.burstKb()).isEqualTo(90_000);
        assertThat(v.penaltyUntil()).hasValue(Traffic.at(2760));
        assertThat(v.lastMbps()).isEqualTo(1000.0);
    }
}
