package org.ovsqos.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ovsqos.daemon.admin.FakeAdminHandler;
import org.ovsqos.daemon.admin.InterfaceView;

/** The human {@code list}: what OVSDB names an interface must not reach the terminal raw. */
class InterfaceTableTest {
    @Test
    void controlCharactersOfInterfaceNamesArePrintedAsEscapes() {
        String table = InterfaceTable.render(List.of(
                FakeAdminHandler.idle("kvm1.0\u001b]0;owned\u0007\u001b[2J"),
                FakeAdminHandler.idle("kvm2.0\nkvm3.0 forged row"),
                FakeAdminHandler.idle("kvm4.0\u009b31m\u202e")), FakeAdminHandler.NOW, ZoneOffset.UTC);

        assertThat(table.chars().filter(c -> c != '\n' && (Character.isISOControl(c) || c == 0x202e))).isEmpty();
        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("kvm1.0\\x1b]0;owned\\x07\\x1b[2J ");
        assertThat(lines.get(2)).startsWith("kvm2.0\\x0akvm3.0 forged row ");
        assertThat(lines.get(3)).startsWith("kvm4.0\\x9b31m\\u202e ");
        // The escapes count for the column width like any other text.
        assertThat(lines.get(1).indexOf("1000.0")).isEqualTo(lines.get(2).indexOf("1000.0"));
    }

    @Test
    void theGuestsVmIdIsTheLastColumnEscapedLikeEveryCell() {
        InterfaceView idle = FakeAdminHandler.idle("kvm1.0");
        InterfaceView forged = new InterfaceView("kvm2.0", 0, 1_000_000, 100_000, 1_000_000, Optional.empty(), 0.0,
                idle.nowMbps(), true, Optional.of("vm\u001b[2J"));

        List<String> lines = InterfaceTable.render(List.of(idle, forged, FakeAdminHandler.penalised("kvm3.0", 1,
                FakeAdminHandler.NOW)), FakeAdminHandler.NOW, ZoneOffset.UTC).lines().toList();

        assertThat(lines.get(0)).endsWith("  VM ID");
        assertThat(lines.get(1)).endsWith("  " + idle.vmId().orElseThrow());
        assertThat(lines.get(2)).endsWith("  vm\\x1b[2J");
        assertThat(lines.get(3)).as("an absent row has no vm-id").endsWith("  -");
    }
}
