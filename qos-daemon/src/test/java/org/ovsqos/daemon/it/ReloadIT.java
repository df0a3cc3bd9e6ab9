package org.ovsqos.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ovsqos.daemon.it.Tiers.BASE;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Reload against the real daemon and OVSDB: all or nothing, and an interface that leaves
 * management is handed back at its base and then left alone.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReloadIT extends DaemonOnOvsHost {
    private static final Policing MANUAL = Policing.of(5_000, 500);

    @Test
    void excludingAPenalisedInterfaceWritesItsBaseOnceAndThenLeavesItAlone() {
        bridge = host.bridge("br-leave");
        bridge.addPort("kvm310.0");
        bridge.addPort("kvm310.1");
        QosConfigFile config = QosConfigFile.compressed().withPenalties(120, 4);
        daemon = daemon(config).startReady();
        bridge.awaitPolicing("kvm310.1", BASE);
        penalise("kvm310.0");

        config.withExcludes("^kvm310\\.0$").writeTo(daemon.files().config());
        OvsQosJar.Result reloaded = daemon.cli("reload");

        assertThat(reloaded.exitCode()).as(reloaded.toString()).isZero();
        bridge.awaitPolicing("kvm310.0", BASE);
        assertThat(daemon.view("kvm310.0")).isEmpty();
        assertThat(daemon.logLines("iface=kvm310.0 event=unmanaged limit_kbps=100000 burst_kb=10000 action=set-base"))
                .hasSize(1);
        // An operator's own limit on it stays. The managed neighbour's drift, changed after it and
        // restored, shows the daemon has seen both changes; ticks after that write nothing either.
        bridge.set("kvm310.0", "ingress_policing_rate=" + MANUAL.rateKbps(), "ingress_policing_burst=" + MANUAL.burstKb());
        bridge.set("kvm310.1", "ingress_policing_rate=" + MANUAL.rateKbps());
        bridge.awaitPolicing("kvm310.1", BASE);
        awaitTicks(3);
        assertThat(bridge.policing("kvm310.0")).isEqualTo(MANUAL);
    }

    @Test
    void aReloadWithAStringBaseRateIsRefusedAndChangesNothing() throws IOException, InterruptedException {
        bridge = host.bridge("br-strbase");
        bridge.addPort("kvm311.0");
        QosConfigFile config = QosConfigFile.compressed();
        daemon = daemon(config).startReady();
        bridge.awaitPolicing("kvm311.0", BASE);

        ObjectNode typo = (ObjectNode) new ObjectMapper().readTree(config.json());
        typo.put("base_rate_mbit", "10");
        Files.writeString(daemon.files().config(), typo.toString());
        OvsQosJar.Result reloaded = daemon.cli("reload");

        assertThat(reloaded.exitCode()).as(reloaded.toString()).isEqualTo(1);
        assertThat(reloaded.stderr()).startsWith("ovs-qos: reload: config " + daemon.files().config()
                + " is usable only with fallbacks; not reloaded, the running config stays. 1 problem(s): "
                + "WARNING base_rate_mbit: ");
        // SIGHUP refuses it as well, and says why in the log.
        Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(daemon.pid())).inheritIO().start();
        assertThat(hup.waitFor()).isZero();
        await("the SIGHUP's refusal").atMost(Bridge.PROMPTLY).pollInterval(Bridge.POLL)
                .until(() -> daemon.logLines("ERROR .*config path=.* reloaded=false .*problems=1 ").size() == 2);
        assertThat(daemon.logLines("WARN .*config path=.* reloaded=false problem=\"WARNING base_rate_mbit: "))
                .hasSize(2);
        awaitTicks(2);
        assertThat(bridge.policing("kvm311.0")).isEqualTo(BASE);
        assertThat(daemon.view("kvm311.0").orElseThrow().get("base_kbps").asLong()).isEqualTo(100_000);
        assertThat(daemon.logLines("reloaded=true")).isEmpty();
    }

    /** Waits until the daemon has ticked {@code ticks} more times (a 1 s interval). */
    private void awaitTicks(int ticks) {
        long from = daemon.status().path("last_tick").asLong();
        await(ticks + " more ticks").atMost(Bridge.PROMPTLY).pollInterval(Bridge.POLL)
                .until(() -> daemon.status().path("last_tick").asLong() >= from + ticks);
    }
}
