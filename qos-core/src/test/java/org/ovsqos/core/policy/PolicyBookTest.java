package org.ovsqos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ovsqos.core.config.QosConfig;

/** The book's tick, list view and live rate, apart from the rules themselves. */
class PolicyBookTest {

    @Test
    void interfacesThatMatchNoRegexAreNeverTouched() {
        QosConfig config = QosConfig.defaults().toBuilder().excludeRegexes("^kvm9\\.").build();
        BookUpdate u = PolicyBook.empty(config).tick(Traffic.at(0), Map.of(
                "kvm1.0", InterfaceSample.of(1, Traffic.at(0)),
                "vnet0", InterfaceSample.of(1, Traffic.at(0)),
                "xkvm1.0", InterfaceSample.of(1, Traffic.at(0)),
                "kvm9.0", InterfaceSample.of(1, Traffic.at(0))));

        assertThat(u.decisions()).extracting(Decision::iface).containsExactly("kvm1.0");
        assertThat(u.book().size()).isEqualTo(1);
    }

    @Test
    void anInterfaceWithoutStatisticsIsPolicedAtItsBaseAndMeasuresNothing() {
        BookUpdate u = PolicyBook.empty(QosConfig.defaults()).tick(Traffic.at(0),
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
        assertThat(host.book().view()).extracting(PolicyView::iface)
                .containsExactly("kvm1.0", "kvm10.0", "kvm3.0");
        assertThat(host.last().limits().keySet()).containsExactly("kvm1.0", "kvm10.0", "kvm3.0");
    }

    @Test
    void theListShowsEveryFactOfAPresentInterface() {
        Host host = new Host(QosConfig.defaults());
        host.run(0, 960, 60, Map.of("kvm1.0", 1.0, "kvm2.0", 0.25));

        assertThat(host.book().view()).containsExactly(
                new PolicyView("kvm1.0", 1, 900_000, 90_000, 1_000_000, Optional.of(Traffic.at(2760)), 1000.0, true),
                new PolicyView("kvm2.0", 0, 1_000_000, 100_000, 1_000_000, Optional.empty(), 250.0, true));
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
