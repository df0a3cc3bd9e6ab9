package org.ovsqos.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ovsqos.daemon.it.Tiers.BASE;
import static org.ovsqos.daemon.it.Tiers.ESCALATION;
import static org.ovsqos.daemon.it.Tiers.SATURATING_MBPS;
import static org.ovsqos.daemon.it.Tiers.TIER1;
import static org.ovsqos.daemon.it.Tiers.TIER2;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The policy end to end: the real daemon jar against a real {@code ovsdb-server}, traffic played
 * into {@code statistics:rx_bytes}, and every expectation read back from the Interface rows'
 * policing columns with {@code ovs-vsctl}; the expected columns are those of {@link Tiers}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PolicingIT extends DaemonOnOvsHost {
    private DaemonProcess startDaemon(QosConfigFile config) {
        daemon = daemon(config).startReady();
        return daemon;
    }

    @Test
    void escalatesThroughBothTiersThenRestoresTheBase() {
        bridge = host.bridge("br-escalate");
        bridge.addPort("kvm101.0");
        startDaemon(QosConfigFile.compressed());
        bridge.awaitPolicing("kvm101.0", BASE);

        host.traffic().play("kvm101.0", SATURATING_MBPS);
        bridge.awaitPolicing("kvm101.0", TIER1, ESCALATION);
        bridge.awaitPolicing("kvm101.0", TIER2, ESCALATION);
        host.traffic().idle("kvm101.0");
        bridge.awaitPolicing("kvm101.0", BASE, ESCALATION);

        assertThat(transitions("kvm101.0")).containsExactly(
                "0->1 escalated 90000/9000",
                "1->2 escalated 80000/8000",
                "2->0 expired 100000/10000");
    }

    @Test
    void leavesUnmanagedAndExcludedInterfacesUntouched() {
        bridge = host.bridge("br-unmanaged");
        for (String iface : List.of("kvm102.0", "kvm109.0", "tap102", "vnet102")) {
            bridge.addPort(iface);
            host.traffic().play(iface, SATURATING_MBPS);
        }
        startDaemon(QosConfigFile.compressed().withExcludes("^kvm109\\."));

        // The managed guest escalating proves the daemon sampled everything for several ticks.
        bridge.awaitPolicing("kvm102.0", TIER1, ESCALATION);
        for (String iface : List.of("kvm109.0", "tap102", "vnet102", "br-unmanaged")) {
            assertThat(bridge.policing(iface)).as(iface).isEqualTo(Policing.UNTOUCHED);
        }
        JsonNode list = daemon.listJson();
        assertThat(StreamSupport.stream(list.spliterator(), false).map(row -> row.get("interface").asText()))
                .containsExactly("kvm102.0");
        assertThat(daemon.logLines("iface=(kvm109\\.0|tap102|vnet102|br-unmanaged) ")).isEmpty();
    }

    @Test
    void takesEachGuestsBaseFromExternalIdsAndFollowsItsChanges() {
        bridge = host.bridge("br-plans");
        bridge.addPort("kvm103.0", "15");
        bridge.addPort("kvm103.1");
        startDaemon(QosConfigFile.compressed());

        // 15 Mbit/s: 10 % would be 1500 kb, so the 2000 kb floor applies.
        bridge.awaitPolicing("kvm103.0", Policing.of(15_000, 2_000));
        bridge.awaitPolicing("kvm103.1", BASE);

        bridge.set("kvm103.0", "external_ids:ovs-qos-base-mbit=1.5");
        // 1.5 Mbit/s: the 2000 kb floor would exceed one second of the rate, so the burst is capped at it.
        bridge.awaitPolicing("kvm103.0", Policing.of(1_500, 1_500));
        assertThat(daemon.awaitLog("iface=kvm103.0 event=plan-changed")).contains("external_base_mbit=1.5");

        bridge.set("kvm103.0", "external_ids:ovs-qos-base-mbit=plenty");
        bridge.awaitPolicing("kvm103.0", BASE);
        assertThat(daemon.awaitLog("WARN .*iface=kvm103.0 external_ids:ovs-qos-base-mbit")).contains("plenty");
        assertThat(bridge.policing("kvm103.1")).isEqualTo(BASE);
    }

    @Test
    void measuresUsageAgainstEachGuestsOwnBase() {
        bridge = host.bridge("br-usage");
        bridge.addPort("kvm108.0", "50");
        bridge.addPort("kvm108.1");
        startDaemon(QosConfigFile.compressed());
        bridge.awaitPolicing("kvm108.0", Policing.of(50_000, 5_000));

        // 60 Mbit/s is 1.2 of a 50 Mbit/s plan, but only 0.6 of the file's 100.
        host.traffic().play("kvm108.0", 60);
        host.traffic().play("kvm108.1", 60);

        bridge.awaitPolicing("kvm108.0", Policing.of(45_000, 4_500), ESCALATION);
        host.traffic().idle("kvm108.0");
        host.traffic().idle("kvm108.1");
        assertThat(bridge.policing("kvm108.1")).isEqualTo(BASE);
        assertThat(transitions("kvm108.1")).isEmpty();
        assertThat(transitions("kvm108.0")).first().isEqualTo("0->1 escalated 45000/4500");
    }

    @Test
    void policesANewInterfaceAsSoonAsItAppears() {
        bridge = host.bridge("br-new");
        startDaemon(QosConfigFile.compressed());

        bridge.addPort("kvm104.0");

        bridge.awaitPolicing("kvm104.0", BASE);
        assertThat(daemon.awaitLog("iface=kvm104.0 event=appeared"))
                .contains("limit_kbps=100000 burst_kb=10000 owed_stage=0");
    }

    @Test
    void correctsAnExternalChangeOfTheLimitAndWarnsNamingBothValues() {
        bridge = host.bridge("br-drift");
        bridge.addPort("kvm105.0");
        startDaemon(QosConfigFile.compressed());
        bridge.awaitPolicing("kvm105.0", BASE);

        bridge.set("kvm105.0", "ingress_policing_rate=123");

        bridge.awaitPolicing("kvm105.0", BASE);
        assertThat(daemon.awaitLog("WARN .*iface=kvm105.0 event=drift"))
                .contains("ingress_policing_rate=123 ingress_policing_burst=10000 expected_rate=100000 "
                        + "expected_burst=10000");

        bridge.set("kvm105.0", "ingress_policing_burst=0");

        bridge.awaitPolicing("kvm105.0", BASE);
        assertThat(daemon.awaitLog("WARN .*iface=kvm105.0 event=drift ingress_policing_rate=100000 "
                + "ingress_policing_burst=0 ")).contains("expected_burst=10000");
    }

    @Test
    void aPortReplacedInOneTransactionIsPolicedAtOnce() {
        bridge = host.bridge("br-replace");
        bridge.addPort("kvm107.0");
        // No tick comes within the wait: only the row events can police the new row.
        startDaemon(QosConfigFile.compressed().withIntervalSec(600));
        bridge.awaitPolicing("kvm107.0", BASE);

        // libvirt re-creating a guest's port: the old row goes and a new one of the same name
        // comes in one update, in whatever order the cache reports them.
        host.server().vsctl("del-port", bridge.name(), "kvm107.0", "--", "add-port", bridge.name(), "kvm107.0");

        bridge.awaitPolicing("kvm107.0", BASE);
        assertThat(daemon.view("kvm107.0").orElseThrow().get("present").asBoolean()).isTrue();
    }

    @Test
    void aRecreatedInterfaceGetsItsRunningPenaltyBack() {
        bridge = host.bridge("br-reboot");
        bridge.addPort("kvm106.0");
        // A tier-1 penalty long enough to outlast the guest's "reboot".
        startDaemon(QosConfigFile.compressed().withPenalties(120, 4));
        long penaltyUntil = Tiers.penalise(host, bridge, daemon, "kvm106.0");

        bridge.delPort("kvm106.0");
        assertThat(daemon.awaitLog("iface=kvm106.0 event=disappeared")).contains("stage=1 penalty_kept=true");
        bridge.addPort("kvm106.0");

        bridge.awaitPolicing("kvm106.0", TIER1);
        JsonNode row = daemon.view("kvm106.0").orElseThrow();
        assertThat(row.get("stage").asInt()).isEqualTo(1);
        assertThat(row.get("present").asBoolean()).isTrue();
        assertThat(row.get("penalty_until").asLong()).isEqualTo(penaltyUntil);
        assertThat(daemon.awaitLog("iface=kvm106.0 event=appeared")).contains("owed_stage=1");
    }

    @Test
    void theFirstTickMeasuresAgainstABaselineTakenAtTheFirstSync() {
        bridge = host.bridge("br-baseline");
        bridge.addPort("kvm110.0");
        bridge.set("kvm110.0", "statistics:rx_bytes=1000000");
        // Long enough between ticks that the counter surely moves before the first one.
        startDaemon(QosConfigFile.compressed().withIntervalSec(6));
        assertThat(daemon.awaitLog("ovsdb sync=first")).contains("action=baseline");
        JsonNode lastTickAtSync = daemon.status().path("last_tick");

        // The counter moves once, between the sync and the first scheduled tick, then stands still.
        bridge.set("kvm110.0", "statistics:rx_bytes=11000000");
        assertThat(daemon.status().path("last_tick")).as("no scheduled tick yet").isEqualTo(lastTickAtSync);

        // Only a baseline taken before the first tick sees that move: a baseline taken at the
        // first tick would see the counter already moved, and every later tick a still one.
        JsonNode row = await("kvm110.0 measured by the first tick").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> daemon.view("kvm110.0").orElseThrow(), r -> r.path("last_mbps").asDouble() > 0);
        assertThat(row.path("stage").asInt()).isZero();
    }

    @Test
    void warnsAtStartAboutATierNoGuestCanReach() {
        // A 1 s stage-1 penalty ends on the first sample after it begins: stage 2 can never come.
        startDaemon(QosConfigFile.compressed().withPenalties(1, 4));

        assertThat(daemon.awaitLog("WARN .*config .*key=stage2_trigger_seconds"))
                .contains("tier 2 is never reached");
    }

    /** The interface's transitions as the log tells them: "from->to reason rate/burst". */
    private List<String> transitions(String iface) {
        Pattern p = Pattern.compile("iface=" + Pattern.quote(iface)
                + " stage=(\\d+)->(\\d+) reason=(\\w+) .*limit_kbps=(\\d+) burst_kb=(\\d+)");
        return daemon.logLines().stream().map(p::matcher).filter(Matcher::find)
                .map(m -> m.group(1) + "->" + m.group(2) + " " + m.group(3) + " " + m.group(4) + "/" + m.group(5))
                .toList();
    }
}
