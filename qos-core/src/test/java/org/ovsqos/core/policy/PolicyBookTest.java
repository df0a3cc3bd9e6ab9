package org.ovsqos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ovsqos.core.config.QosConfig;

/** The book's tick, list view and live rate, apart from the rules themselves. */
class PolicyBookTest {

    @Test
    void interfacesThatMatchNoRegexAreNeverTouched() {
        QosConfig config = QosConfig.defaults().toBuilder().excludeRegexes("^kvm9\\.").build();
        Update u = PolicyBook.empty(config).tick(Traffic.at(0), Map.of(
                "kvm1.0", InterfaceSample.of(1, Traffic.at(0)),
                "vnet0", InterfaceSample.of(1, Traffic.at(0)),
                "xkvm1.0", InterfaceSample.of(1, Traffic.at(0)),
                "kvm9.0", InterfaceSample.of(1, Traffic.at(0))));

        assertThat(u.decisions()).extracting(Decision::iface).containsExactly("kvm1.0");
        assertThat(u.book().size()).isEqualTo(1);
    }

    @Test
    void anInterfaceWithoutStatisticsIsPolicedAtItsBaseAndMeasuresNothing() {
        Update u = PolicyBook.empty(QosConfig.defaults()).tick(Traffic.at(0),
                Map.of("kvm1.0", InterfaceSample.withoutStatistics()));

        Decision d = u.decisions().get(0);
        assertThat(d.sample()).isEqualTo(SampleOutcome.NONE);
        assertThat(d.limit()).isEqualTo(new Limit(1_000_000, 100_000));
        assertThat(u.book().state("kvm1.0").orElseThrow().baseline()).isEmpty();
    }

    @Test
    void decisionsAndTheListAreSortedByName() {
        Host host = new Host(QosConfig.defaults());
        host.tick(0, "kvm3.0", "kvm10.0", "kvm1.0");

        assertThat(host.last().decisions()).extracting(Decision::iface)
                .containsExactly("kvm1.0", "kvm10.0", "kvm3.0");
        assertThat(host.book().view(Traffic.at(0))).extracting(InterfaceView::iface)
                .containsExactly("kvm1.0", "kvm10.0", "kvm3.0");
        assertThat(host.last().limits().keySet()).containsExactly("kvm1.0", "kvm10.0", "kvm3.0");
    }

    @Test
    void theListShowsEveryFactOfAPresentInterface() {
        Host host = new Host(QosConfig.defaults());
        host.run(0, 960, 60, Map.of("kvm1.0", 1.0, "kvm2.0", 0.25));

        assertThat(host.book().view(Traffic.at(1000))).containsExactly(
                new InterfaceView("kvm1.0", 1, 900_000, 90_000, 1_000_000,
                        Optional.of(Traffic.at(2760)), Optional.of(Duration.ofSeconds(1760)),
                        1000.0, true),
                new InterfaceView("kvm2.0", 0, 1_000_000, 100_000, 1_000_000,
                        Optional.empty(), Optional.empty(), 250.0, true));
        assertThat(host.book().view(Traffic.at(3000)).get(0).remaining())
                .as("an overdue penalty shows no time left, never negative")
                .hasValue(Duration.ZERO);
    }

    @Test
    void liveRateIsMeasuredFromTheLastSampleWhenTheBaselineIsUsable() {
        Host host = new Host(QosConfig.defaults());
        host.tick(0, "kvm1.0");
        PolicyBook book = host.book();
        long rx = book.state("kvm1.0").orElseThrow().baseline().orElseThrow().rxBytes();

        assertThat(book.liveMbps("kvm1.0", new Observation(rx + 3_750_000, Traffic.at(30))))
                .hasValue(1.0);
        assertThat(book.liveMbps("kvm1.0", new Observation(rx - 1, Traffic.at(30)))).isEmpty();
        assertThat(book.liveMbps("kvm1.0", new Observation(rx, Traffic.at(121)))).isEmpty();
        assertThat(book.liveMbps("kvm2.0", new Observation(rx, Traffic.at(30)))).isEmpty();
    }

    @Test
    void aTickNeverChangesTheBookItWasCalledOn() {
        Host host = new Host(QosConfig.defaults());
        host.run(0, 900, 60, Map.of("kvm1.0", 1.0));
        PolicyBook before = host.book();
        int hash = before.hashCode();

        host.tick(960, Map.of("kvm1.0", 1.0));

        assertThat(host.book()).isNotEqualTo(before);
        assertThat(before.hashCode()).isEqualTo(hash);
        assertThat(before.state("kvm1.0").orElseThrow().tier()).isZero();
    }
}
