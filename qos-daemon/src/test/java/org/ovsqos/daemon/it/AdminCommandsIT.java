package org.ovsqos.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.daemon.it.Tiers.BASE;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ovs-qos release} and {@code ovs-qos reload}, run as {@code java -jar ovs-qos.jar ...} against the real daemon. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AdminCommandsIT extends DaemonOnOvsHost {
    @Test
    void releaseEndsAPenaltyAndRestoresTheBase() {
        bridge = host.bridge("br-release");
        bridge.addPort("kvm302.0");
        daemon = daemon(QosConfigFile.compressed().withPenalties(120, 4)).startReady();
        penalise("kvm302.0");

        OvsQosJar.Result released = daemon.cli("release", "kvm302.0");

        assertThat(released.exitCode()).as(released.toString()).isZero();
        assertThat(released.stdout()).contains("released kvm302.0").contains("100000 kbps");
        bridge.awaitPolicing("kvm302.0", BASE);
        JsonNode row = daemon.view("kvm302.0").orElseThrow();
        assertThat(row.get("stage").asInt()).isZero();
        assertThat(row.get("penalty_until").isNull()).isTrue();
        assertThat(daemon.logLines("iface=kvm302.0 stage=1->0 reason=released")).hasSize(1);

        OvsQosJar.Result unknown = daemon.cli("release", "kvm999.0");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(1);
        assertThat(unknown.stderr()).contains("kvm999.0");
    }

    @Test
    void releaseOfAnInterfaceNotYetSampledSaysItIsNotPenalised() {
        bridge = host.bridge("br-fresh");
        // No tick within the test: the interface is policed from its row event alone.
        daemon = daemon(QosConfigFile.compressed().withIntervalSec(600)).startReady();
        bridge.addPort("kvm309.0");
        bridge.awaitPolicing("kvm309.0", BASE);

        OvsQosJar.Result released = daemon.cli("release", "kvm309.0");

        assertThat(released.exitCode()).as(released.toString()).isZero();
        assertThat(released.stdout()).contains("kvm309.0 is not penalised");
    }

    @Test
    void reloadAppliesTheNewConfigAndKeepsThePenalty() {
        bridge = host.bridge("br-reload");
        bridge.addPort("kvm303.0");
        bridge.addPort("kvm303.1");
        QosConfigFile config = QosConfigFile.compressed().withPenalties(120, 4);
        daemon = daemon(config).startReady();
        bridge.awaitPolicing("kvm303.1", BASE);
        long penaltyUntil = penalise("kvm303.0");

        config.withBaseMbit(200).writeTo(daemon.files().config());
        OvsQosJar.Result reloaded = daemon.cli("reload");

        assertThat(reloaded.exitCode()).as(reloaded.toString()).isZero();
        bridge.awaitPolicing("kvm303.0", Policing.of(180_000, 18_000));
        bridge.awaitPolicing("kvm303.1", Policing.of(200_000, 20_000));
        JsonNode row = daemon.view("kvm303.0").orElseThrow();
        assertThat(row.get("stage").asInt()).isEqualTo(1);
        assertThat(row.get("penalty_until").asLong()).isEqualTo(penaltyUntil);
        assertThat(row.get("base_kbps").asLong()).isEqualTo(200_000);
    }

    @Test
    void aReloadOfAnUnusableFileKeepsTheRunningConfig() throws IOException {
        bridge = host.bridge("br-badreload");
        bridge.addPort("kvm304.0");
        daemon = daemon(QosConfigFile.compressed()).startReady();
        bridge.awaitPolicing("kvm304.0", BASE);

        Files.writeString(daemon.files().config(), "{\"base_rate_mbit\": 200,");
        OvsQosJar.Result reloaded = daemon.cli("reload");

        assertThat(reloaded.exitCode()).as(reloaded.toString()).isEqualTo(1);
        assertThat(reloaded.stderr()).contains("unusable");
        assertThat(daemon.isAlive()).isTrue();
        assertThat(bridge.policing("kvm304.0")).isEqualTo(BASE);
        assertThat(daemon.view("kvm304.0").orElseThrow().get("base_kbps").asLong()).isEqualTo(100_000);
    }
}
