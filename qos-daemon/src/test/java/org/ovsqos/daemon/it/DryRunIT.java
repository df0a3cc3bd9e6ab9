package org.ovsqos.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.daemon.it.Tiers.ESCALATION;
import static org.ovsqos.daemon.it.Tiers.SATURATING_MBPS;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ovs-qos daemon --dry-run}: decide, log and report, but never write OVSDB. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DryRunIT extends DaemonOnOvsHost {
    @Test
    void dryRunDecidesAndReportsButWritesNothing() {
        bridge = host.bridge("br-dry");
        bridge.addPort("kvm301.0");
        daemon = daemon(QosConfigFile.compressed()).dryRun().startReady();

        host.traffic().play("kvm301.0", SATURATING_MBPS);
        JsonNode row = daemon.awaitStage("kvm301.0", 1, ESCALATION);
        host.traffic().idle("kvm301.0");

        assertThat(row.get("limit_kbps").asLong()).isEqualTo(90_000);
        assertThat(row.get("burst_kb").asLong()).isEqualTo(9_000);
        assertThat(bridge.policing("kvm301.0")).isEqualTo(Policing.UNTOUCHED);
        assertThat(daemon.logLines("iface=kvm301.0 action=would-set limit_kbps=100000 burst_kb=10000 dry_run=true"))
                .hasSize(1);
        assertThat(daemon.awaitLog("iface=kvm301.0 action=would-set limit_kbps=90000"))
                .contains("burst_kb=9000 dry_run=true");
        assertThat(daemon.statusJson().get("dry_run").asBoolean()).isTrue();
        assertThat(bridge.policing("kvm301.0")).isEqualTo(Policing.UNTOUCHED);
    }

    @Test
    void dryRunReportsAnExternalChangeWithoutClaimingToRestoreIt() {
        bridge = host.bridge("br-drydrift");
        bridge.addPort("kvm308.0");
        daemon = daemon(QosConfigFile.compressed()).dryRun().startReady();

        bridge.set("kvm308.0", "ingress_policing_rate=5000");

        String drift = daemon.awaitLog("iface=kvm308.0 event=drift");
        assertThat(drift).contains("ingress_policing_rate=5000 ").contains("expected_rate=100000")
                .contains("dry_run=true").doesNotContain("action=restore");
        assertThat(bridge.policing("kvm308.0")).isEqualTo(Policing.of(5_000, 0));
    }
}
