package org.ovsqos.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults of the database under a running daemon: ovsdb-server killed and started again inside the
 * container (as a crash and a supervisor restart would), and the whole OVS container replaced by a
 * new one with a fresh database on the same socket path (a host's Open vSwitch reinstalled, or its
 * database lost). The daemon must reconnect by itself, reconcile what it finds, and keep the
 * penalties it remembers.
 */
class OvsdbRestartIT {
    private static final Guest FLOODER = new Guest(101);
    private static final Guest IDLE = new Guest(102);
    private static final Guest RECEIVER = new Guest(103);

    private static final long BASE_MBIT = 200;
    private static final Policing BASE = Policing.of(BASE_MBIT, 1.0);
    private static final Policing STAGE1 = Policing.of(BASE_MBIT, 0.9);
    /**
     * Stage 1 after two samples over the threshold; its penalty outlasts the test, and stage 2
     * never comes, so every limit seen later is one the daemon remembered or re-applied.
     */
    private static final String CONFIG = """
            {
              "base_rate_mbit": 200,
              "sample_interval_sec": 6,
              "stage1_trigger_seconds": 5,
              "stage1_rate_fraction": 0.9,
              "stage1_penalty_seconds": 3600,
              "stage2_trigger_seconds": 36000
            }
            """;
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofSeconds(1);

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void reconnectsAfterOvsdbServerRestartAndReconcilesWhatChangedMeanwhile() {
        sandbox.addGuests(FLOODER, IDLE);
        DaemonProcess daemon = sandbox.startDaemon(CONFIG);
        OvsContainer ovs = sandbox.ovs();
        await("both guests policed").atMost(WITHIN).pollInterval(POLL)
                .until(() -> ovs.policing(FLOODER).equals(BASE) && ovs.policing(IDLE).equals(BASE));

        ovs.killOvsdbServer();
        await("the daemon seeing the database gone").atMost(WITHIN).pollInterval(POLL)
                .until(daemon::ovsdbState, state -> !state.equals("connected"));
        // While no server runs, someone clears a limit in the database file itself: only a
        // daemon that re-reads everything after reconnecting can notice.
        String edit = ovs.sh("ovsdb-tool transact /etc/openvswitch/conf.db '[\"Open_vSwitch\", {\"op\": \"update\","
                + " \"table\": \"Interface\", \"where\": [[\"name\", \"==\", \"" + FLOODER.iface() + "\"]],"
                + " \"row\": {\"ingress_policing_rate\": 0, \"ingress_policing_burst\": 0}}]'");
        assertThat(edit).as("the offline edit found its row").contains("\"count\":1");
        ovs.startOvsdbServer();
        // A guest that starts after the restart: proves the monitor was re-established.
        sandbox.addGuests(RECEIVER);

        await("limits reconciled after the restart").atMost(WITHIN).pollInterval(POLL).untilAsserted(() -> {
            assertThat(ovs.policing(FLOODER)).as("cleared while the server was down").isEqualTo(BASE);
            assertThat(ovs.policing(IDLE)).isEqualTo(BASE);
            assertThat(ovs.policing(RECEIVER)).as("added after the restart").isEqualTo(BASE);
        });
        assertThat(daemon.ovsdbState()).isEqualTo("connected");
        ListAgreement.assertAgrees(daemon, ovs);
    }

    @Test
    void reappliesLimitsAndKeepsPenaltiesWhenTheContainerComesBackWithAFreshDatabase() {
        sandbox.addGuests(FLOODER, IDLE, RECEIVER);
        DaemonProcess daemon = sandbox.startDaemon(CONFIG);
        try (Flood flood = sandbox.flood(FLOODER, RECEIVER)) {
            await("the flooding guest at stage 1").atMost(Duration.ofSeconds(90)).pollInterval(POLL)
                    .until(() -> sandbox.ovs().policing(FLOODER).equals(STAGE1));
        }
        ManagedInterface penalised = daemon.list(FLOODER);
        assertThat(penalised.stage()).isEqualTo(1);

        OvsContainer fresh = sandbox.replaceOvs();
        assertThat(fresh.policing()).as("a fresh database: no interfaces yet").doesNotContainKey(FLOODER.iface());
        sandbox.addGuests(FLOODER, IDLE, RECEIVER);

        await("limits re-applied in the new database").atMost(WITHIN).pollInterval(POLL).untilAsserted(() -> {
            assertThat(fresh.policing(FLOODER)).as("the remembered penalty").isEqualTo(STAGE1);
            assertThat(fresh.policing(IDLE)).isEqualTo(BASE);
            assertThat(fresh.policing(RECEIVER)).isEqualTo(BASE);
        });
        ManagedInterface remembered = daemon.list(FLOODER);
        assertThat(remembered.stage()).isEqualTo(1);
        assertThat(remembered.penaltyUntil()).as("the same penalty, not a new one").isEqualTo(penalised.penaltyUntil());
        assertThat(remembered.present()).isTrue();
        ListAgreement.assertAgrees(daemon, fresh);
    }
}
