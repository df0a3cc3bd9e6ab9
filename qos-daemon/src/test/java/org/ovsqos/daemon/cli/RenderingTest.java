package org.ovsqos.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ovsqos.daemon.admin.ConnectionState;
import org.ovsqos.daemon.admin.DaemonStatus;
import org.ovsqos.daemon.admin.FakeAdminHandler;
import org.ovsqos.daemon.admin.OvsdbLink;
import org.ovsqos.daemon.admin.StateFileStatus;

class RenderingTest {
    private static final Instant NOW = FakeAdminHandler.NOW;

    @Test
    void durationsAreShortAndZeroPadded() {
        assertThat(Durations.format(0)).isEqualTo("0s");
        assertThat(Durations.format(45)).isEqualTo("45s");
        assertThat(Durations.format(723)).isEqualTo("12m03s");
        assertThat(Durations.format(3900)).isEqualTo("1h05m00s");
        assertThat(Durations.format(3 * 86_400 + 4 * 3600 + 600 + 5)).isEqualTo("3d04h10m");
        assertThat(Durations.format(-5)).isEqualTo("0s");
    }

    @Test
    void anEmptyListSaysSo() {
        assertThat(InterfaceTable.render(List.of(), NOW, ZoneOffset.UTC)).isEqualTo("No managed interfaces.\n");
    }

    @Test
    void theTableIsSortedAndItsColumnsAligned() {
        String table = InterfaceTable.render(List.of(FakeAdminHandler.idle("kvm2.0"), FakeAdminHandler.idle("kvm10.0")),
                NOW, ZoneOffset.UTC);

        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("kvm10.0 ");
        assertThat(lines.get(2)).startsWith("kvm2.0 ");
        // Right-aligned numbers end in the same column as their header.
        assertThat(lines.get(1).indexOf("1000.0") + "1000.0".length())
                .isEqualTo(lines.get(0).indexOf("Limit (Mbit/s)") + "Limit (Mbit/s)".length());
    }

    @Test
    void aDisconnectedDaemonShowsItsLastErrorAndNoTickYet() {
        DaemonStatus status = new DaemonStatus("dev", 7, NOW.minusSeconds(30),
                new OvsdbLink(ConnectionState.DISCONNECTED, "unix:/var/run/openvswitch/db.sock",
                        Optional.of(NOW.minusSeconds(29)), Optional.of("connection refused")),
                0, Optional.empty(), Map.of(), "/opt/ovs-qos/config.json", true);

        String text = StatusText.render(status, NOW, ZoneOffset.UTC);

        assertThat(text).contains("  OVSDB:      disconnected from unix:/var/run/openvswitch/db.sock since 2025-03-01 11:59:31 (29s ago); last error: connection refused\n")
                .contains("  Last tick:  none yet\n")
                .contains("  Penalties:  none\n")
                .contains("  Dry run:    yes (OVSDB is never written)\n");
    }

    @Test
    void aFailingStateFileIsShownWithItsLastSave() {
        DaemonStatus status = new DaemonStatus("dev", 7, NOW.minusSeconds(3600),
                new OvsdbLink(ConnectionState.CONNECTED, "unix:/var/run/openvswitch/db.sock",
                        Optional.of(NOW.minusSeconds(3599)), Optional.empty()),
                1, Optional.of(NOW.minusSeconds(5)), Map.of(), "/opt/ovs-qos/config.json", false,
                Optional.of(new StateFileStatus("/run/ovs-qos/state.json", Optional.of(NOW.minusSeconds(600)),
                        Optional.of("Read-only file system"))));
        DaemonStatus saving = new DaemonStatus("dev", 7, NOW.minusSeconds(3600), status.ovsdb(), 1,
                status.lastTick(), Map.of(), "/opt/ovs-qos/config.json", false,
                Optional.of(new StateFileStatus("/run/ovs-qos/state.json", Optional.of(NOW.minusSeconds(5)),
                        Optional.empty())));

        assertThat(StatusText.render(status, NOW, ZoneOffset.UTC)).contains("  State file: /run/ovs-qos/state.json; "
                + "SAVE FAILING: Read-only file system; last saved 2025-03-01 11:50:00 (10m00s ago)\n");
        assertThat(StatusText.render(saving, NOW, ZoneOffset.UTC))
                .contains("  State file: /run/ovs-qos/state.json, last saved 2025-03-01 11:59:55 (5s ago)\n");
    }

    @Test
    void anOutageShowsItsStartAndHowManyAttemptsFailed() {
        OvsdbLink link = new OvsdbLink(ConnectionState.DISCONNECTED, "unix:/var/run/openvswitch/db.sock",
                Optional.of(NOW.minusSeconds(75)), Optional.of("connection refused"), 6);

        assertThat(ovsdbLine(link)).isEqualTo("  OVSDB:      disconnected from unix:/var/run/openvswitch/db.sock"
                + " since 2025-03-01 11:58:45 (1m15s ago), 6 failed attempts; last error: connection refused");
    }

    @Test
    void aFrozenServerIsShownUnresponsiveNotConnected() {
        OvsdbLink link = new OvsdbLink(ConnectionState.UNRESPONSIVE, "unix:/var/run/openvswitch/db.sock",
                Optional.of(NOW.minusSeconds(40)), Optional.of("inactivity probe unanswered"), 1);

        assertThat(ovsdbLine(link)).isEqualTo("  OVSDB:      unresponsive (takes connections, does not answer) at"
                + " unix:/var/run/openvswitch/db.sock since 2025-03-01 11:59:20 (40s ago), 1 failed attempt;"
                + " last error: inactivity probe unanswered");
    }

    private static String ovsdbLine(OvsdbLink link) {
        DaemonStatus status = new DaemonStatus("dev", 7, NOW.minusSeconds(3600), link, 0, Optional.empty(), Map.of(),
                "/opt/ovs-qos/config.json", false);
        return StatusText.render(status, NOW, ZoneOffset.UTC).lines().filter(l -> l.contains("OVSDB:")).findFirst()
                .orElseThrow();
    }
}
