package org.ovsqos.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

/** What {@code ovs-qos list} says against what OVSDB holds: the two must tell the same story. */
final class ListAgreement {
    private ListAgreement() {
    }

    /**
     * {@code ovs-qos list --json} shows, for every interface it manages, the columns OVSDB holds.
     * Read twice apart, a transition may fall in between: waited for, not assumed away.
     */
    static void assertAgrees(DaemonProcess daemon, OvsContainer ovs) {
        await("ovs-qos list agreeing with the Interface columns").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    Map<String, ManagedInterface> listed = daemon.list();
                    Map<String, Policing> columns = ovs.policing();
                    assertThat(listed).isNotEmpty();
                    listed.values().forEach(m -> assertThat(columns.get(m.name()))
                            .as("OVSDB columns of %s", m.name()).isEqualTo(m.limit()));
                    assertThat(listed.keySet()).as("every kvm interface is managed")
                            .containsAll(columns.keySet().stream().filter(n -> n.startsWith("kvm")).toList());
                });
    }
}
