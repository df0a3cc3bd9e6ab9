package org.ovsqos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A book rebuilt from the state file after a daemon restart. */
class RestoreTest {

    private static StateRecord record(String name, InterfaceState s) {
        return new StateRecord(name, s, OptionalLong.of(1_000_000));
    }

    @Test
    void aRestartWithinTwoIntervalsKeepsMeasuringAcrossIt() {
        Host before = new Host(Configs.DEFAULTS);
        before.run(0, 600, 60, Map.of("kvm1.0", 0.95));
        List<StateRecord> saved = before.book().stateRecords();

        BookUpdate restored = PolicyBook.restore(Configs.DEFAULTS, saved, Traffic.at(650));
        assertThat(restored.book().present("kvm1.0")).isFalse();
        assertThat(restored.book().state("kvm1.0")).isEqualTo(before.book().state("kvm1.0"));

        // The restarted daemon continues the same counter 120 s after the last sample.
        Observation last = before.book().state("kvm1.0").orElseThrow().baseline().orElseThrow();
        long rx = last.rxBytes() + Traffic.bytes(0.95, 1_000_000, Configs.seconds(120));
        BookUpdate u = restored.book().tick(Traffic.at(720),
                Map.of("kvm1.0", new InterfaceSample(Optional.of(new Observation(rx, Traffic.at(720))),
                        Optional.empty())));
        assertThat(u.decisions().get(0).sample()).isEqualTo(SampleOutcome.MEASURED);
        assertThat(u.book().state("kvm1.0").orElseThrow().overSince()).hasValue(Traffic.at(60));
    }

    @Test
    void restoredRecordsTheConfigurationDoesNotManageAreForgotten() {
        BookUpdate u = PolicyBook.restore(Configs.DEFAULTS, List.of(
                record("vnet3", InterfaceState.initial()),
                record("kvm1.0", InterfaceState.initial().withPenalty(1, Traffic.at(100)))),
                Traffic.at(0));

        assertThat(u.forgotten()).containsExactly(new Forgotten("vnet3", 0, Forgotten.Why.UNMANAGED));
        assertThat(u.book().stateRecords()).extracting(StateRecord::iface).containsExactly("kvm1.0");
    }

    @Test
    void aRestoredTierBeyondTheConfigurationIsFittedToTheHighestTierLeft() {
        BookUpdate u = PolicyBook.restore(Configs.DEFAULTS, List.of(
                record("kvm1.0", InterfaceState.initial().withPenalty(5, Traffic.at(1_000_000)))),
                Traffic.at(0));

        InterfaceState s = u.book().state("kvm1.0").orElseThrow();
        assertThat(s.tier()).isEqualTo(2);
        assertThat(s.penaltyUntil()).hasValue(Traffic.at(3600));
    }

    @Test
    void aRestoredTimerThatNoSampleHistoryCouldHaveLeftIsCleared() {
        Observation base = new Observation(5, Traffic.at(1000));
        InterfaceState ancient = new InterfaceState(0, Optional.empty(),
                Optional.of(Traffic.at(-1_000_000)), Optional.of(base), 0);
        InterfaceState withoutBaseline = new InterfaceState(0, Optional.empty(),
                Optional.of(Traffic.at(990)), Optional.empty(), 0);
        InterfaceState plausible = new InterfaceState(0, Optional.empty(),
                Optional.of(Traffic.at(990)), Optional.of(base), 0);

        BookUpdate u = PolicyBook.restore(Configs.DEFAULTS, List.of(record("kvm1.0", ancient),
                record("kvm2.0", withoutBaseline), record("kvm3.0", plausible)), Traffic.at(1010));

        assertThat(u.book().state("kvm1.0").orElseThrow().overSince()).isEmpty();
        assertThat(u.book().state("kvm2.0").orElseThrow().overSince()).isEmpty();
        assertThat(u.book().state("kvm3.0").orElseThrow().overSince()).hasValue(Traffic.at(990));
    }

    @Test
    void aPenaltyThatEndedWhileTheDaemonWasDownEndsAtTheFirstTick() {
        PolicyBook book = PolicyBook.restore(Configs.DEFAULTS, List.of(
                record("kvm1.0", InterfaceState.initial().withPenalty(1, Traffic.at(100))),
                record("kvm2.0", InterfaceState.initial().withPenalty(2, Traffic.at(100)))),
                Traffic.at(500)).book();

        BookUpdate u = book.tick(Traffic.at(500), Map.of("kvm1.0", InterfaceSample.of(7, Traffic.at(500))));

        assertThat(u.decisions().get(0).transition()).hasValue(new Transition(1, 0, Reason.EXPIRED));
        assertThat(u.forgotten()).containsExactly(new Forgotten("kvm2.0", 2, Forgotten.Why.PENALTY_ENDED));
    }
}
