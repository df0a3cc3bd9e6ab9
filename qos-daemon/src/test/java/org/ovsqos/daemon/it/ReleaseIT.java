package org.ovsqos.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ovsqos.daemon.it.Tiers.BASE;
import static org.ovsqos.daemon.it.Tiers.ESCALATION;
import static org.ovsqos.daemon.it.Tiers.SATURATING_MBPS;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ovs-qos release} answers once OVSDB holds the base limit, and otherwise says plainly
 * that the write is pending, with its own exit code.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReleaseIT extends DaemonOnOvsHost {
    private static final int PENDING = 4;

    @Test
    void answersOnceOvsdbHoldsTheBase() {
        bridge = host.bridge("br-relcommit");
        bridge.addPort("kvm320.0");
        daemon = daemon(QosConfigFile.compressed().withPenalties(120, 4)).startReady();
        penalise("kvm320.0");

        OvsQosJar.Result released = daemon.cli("release", "kvm320.0");

        assertThat(released.exitCode()).as(released.toString()).isZero();
        // No waiting: the answer came after OVSDB committed the write.
        assertThat(bridge.policing("kvm320.0")).isEqualTo(BASE);
    }

    @Test
    void inADryRunSaysTheWriteIsPending() {
        bridge = host.bridge("br-reldry");
        bridge.addPort("kvm321.0");
        daemon = daemon(QosConfigFile.compressed().withPenalties(120, 4)).dryRun().startReady();
        host.traffic().play("kvm321.0", SATURATING_MBPS);
        daemon.awaitStage("kvm321.0", 1, ESCALATION);
        host.traffic().idle("kvm321.0");

        OvsQosJar.Result released = daemon.cli("release", "kvm321.0");

        assertThat(released.exitCode()).as(released.toString()).isEqualTo(PENDING);
        assertThat(released.stderr()).isEqualTo("ovs-qos: release: released kvm321.0 in the daemon (stage 0 at "
                + "100000 kbps), but the write is pending: dry run, OVSDB is never written\n");
        assertThat(released.stdout()).isEmpty();
        assertThat(daemon.view("kvm321.0").orElseThrow().get("stage").asInt()).isZero();
        assertThat(bridge.policing("kvm321.0")).isEqualTo(Policing.UNTOUCHED);
    }

    @Test
    void whileOvsdbIsDownSaysTheWriteIsPendingAndWritesItOnceOvsdbIsBack() {
        bridge = host.bridge("br-reldown");
        bridge.addPort("kvm322.0");
        daemon = daemon(QosConfigFile.compressed().withPenalties(120, 4)).startReady();
        penalise("kvm322.0");
        host.server().kill();
        try {
            await("ovsdb down").atMost(DaemonProcess.STARTUP).pollInterval(Duration.ofMillis(200))
                    .until(() -> !daemon.status().at("/ovsdb/state").asText().equals("connected"));

            OvsQosJar.Result released = daemon.cli("release", "kvm322.0");

            assertThat(released.exitCode()).as(released.toString()).isEqualTo(PENDING);
            assertThat(released.stderr()).startsWith("ovs-qos: release: released kvm322.0 in the daemon (stage 0 at "
                    + "100000 kbps), but the write is pending: OVSDB is ").contains("it is written once OVSDB is back");
        } finally {
            host.server().restart();
        }
        bridge.awaitPolicing("kvm322.0", BASE, DaemonProcess.STARTUP);
    }
}
