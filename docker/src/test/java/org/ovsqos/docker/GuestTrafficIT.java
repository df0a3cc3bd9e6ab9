package org.ovsqos.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * End to end with real traffic: three guests on a netdev bridge in the OVS container, one of them
 * flooding its uplink with iperf3, and the daemon (a host process, over the bind-mounted socket)
 * reading the statistics ovs-vswitchd writes. Timings are compressed: a 6 s sample interval, just
 * over vswitchd's 5 s statistics refresh so that every sample sees a fresh counter, and triggers
 * and penalties of seconds.
 *
 * <p>The kernel here has no tc police action: vswitchd logs that it cannot add the policer, and
 * the flood keeps its pace whatever the limit. The Interface columns are what the daemon owns and
 * what this test checks; on a production host the kernel enforces them.
 */
class GuestTrafficIT {
    private static final Guest FLOODER = new Guest(101);
    private static final Guest IDLE = new Guest(102);
    /** Receives the flood; its own upstream is only TCP acknowledgements. */
    private static final Guest RECEIVER = new Guest(103);

    private static final long BASE_MBIT = 200;
    private static final Policing BASE = Policing.of(BASE_MBIT, 1.0);
    private static final Policing STAGE1 = Policing.of(BASE_MBIT, 0.9);
    private static final Policing STAGE2 = Policing.of(BASE_MBIT, 0.5);
    private static final String CONFIG = """
            {
              "base_rate_mbit": 200,
              "sample_interval_sec": 6,
              "stage1_usage_fraction": 0.9,
              "stage1_trigger_seconds": 10,
              "stage1_rate_fraction": 0.9,
              "stage1_penalty_seconds": 300,
              "stage2_usage_fraction": 0.8,
              "stage2_trigger_seconds": 10,
              "stage2_rate_fraction": 0.5,
              "stage2_penalty_seconds": 15
            }
            """;
    /** Triggers of 10 s at 6 s samples take three samples; allow for a loaded machine. */
    private static final Duration STAGE_WITHIN = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofSeconds(1);

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void floodingGuestGoesToStageOneThenTwoThenBackWhileIdleGuestsStayAtBase() {
        sandbox.addGuests(FLOODER, IDLE, RECEIVER);
        DaemonProcess daemon = sandbox.startDaemon(CONFIG);
        OvsContainer ovs = sandbox.ovs();

        await("every guest policed at the base rate").atMost(Duration.ofSeconds(60)).pollInterval(POLL)
                .untilAsserted(() -> assertPolicing(ovs, BASE, BASE, BASE));
        ListAgreement.assertAgrees(daemon, ovs);

        Flood flood = sandbox.flood(FLOODER, RECEIVER);

        await("the flooding guest at stage 1").atMost(STAGE_WITHIN).pollInterval(POLL)
                .until(() -> ovs.policing(FLOODER).equals(STAGE1));
        assertPolicing(ovs, STAGE1, BASE, BASE);
        ManagedInterface atStage1 = daemon.list(FLOODER);
        assertThat(atStage1.stage()).isEqualTo(1);
        assertThat(atStage1.lastMbps()).as("the rate the daemon measured from vswitchd's rx_bytes")
                .isGreaterThanOrEqualTo(0.9 * BASE_MBIT);
        assertThat(atStage1.penaltyUntil()).isPresent();
        ListAgreement.assertAgrees(daemon, ovs);

        await("the flooding guest at stage 2").atMost(STAGE_WITHIN).pollInterval(POLL)
                .until(() -> ovs.policing(FLOODER).equals(STAGE2));
        flood.close();
        assertPolicing(ovs, STAGE2, BASE, BASE);
        Map<String, ManagedInterface> atStage2 = daemon.list();
        assertThat(atStage2.get(FLOODER.iface()).stage()).isEqualTo(2);
        assertThat(atStage2.get(IDLE.iface()).stage()).isZero();
        assertThat(atStage2.get(RECEIVER.iface()).stage()).isZero();
        assertThat(atStage2.get(IDLE.iface()).lastMbps()).isLessThan(0.8 * BASE_MBIT);
        assertThat(atStage2.get(RECEIVER.iface()).lastMbps()).isLessThan(0.8 * BASE_MBIT);
        ListAgreement.assertAgrees(daemon, ovs);

        await("the base rate restored when the stage 2 penalty ends").atMost(Duration.ofSeconds(60))
                .pollInterval(POLL).until(() -> ovs.policing(FLOODER).equals(BASE));
        ManagedInterface released = daemon.list(FLOODER);
        assertThat(released.stage()).isZero();
        assertThat(released.penaltyUntil()).isEmpty();
        assertPolicing(ovs, BASE, BASE, BASE);
        ListAgreement.assertAgrees(daemon, ovs);
    }

    private static void assertPolicing(OvsContainer ovs, Policing flooder, Policing idle, Policing receiver) {
        Map<String, Policing> columns = ovs.policing();
        assertThat(columns).containsEntry(FLOODER.iface(), flooder)
                .containsEntry(IDLE.iface(), idle)
                .containsEntry(RECEIVER.iface(), receiver);
    }
}
