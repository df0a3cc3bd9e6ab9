package org.ovsqos.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.daemon.it.Tiers.BASE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The daemon's log as an operator greps it: one event is one line of {@code key=value} fields of
 * bounded length, whatever an interface name or a config file holds.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LogLinesIT extends DaemonOnOvsHost {
    /** A name OVSDB accepts: a field of its own, a newline, and a whole forged line after it. */
    private static final String FORGING_NAME =
            "kvm501.0 stage=0->2\n2026-01-01T00:00:00.000Z ERROR [ovs-qos-governor] Governor: iface=kvm999.0 stage=0->2";

    @Test
    void anInterfaceNameCannotForgeALineOrAField() {
        bridge = host.bridge("br-forge");
        // Without the default's "$", which would not match across the newline.
        QosConfigFile config = new QosConfigFile(100, 1, 2, 8, 2, 4, List.of("^kvm[0-9]+\\."), List.of(), Optional.empty());
        daemon = daemon(config).startReady();
        bridge.addPort(FORGING_NAME);
        bridge.awaitPolicing(FORGING_NAME, BASE);

        String appeared = daemon.awaitLog("event=appeared");

        assertThat(appeared).contains(" iface=\"kvm501.0 stage=0->2\\n2026-01-01T00:00:00.000Z ERROR [ovs-qos-governor]"
                + " Governor: iface=kvm999.0 stage=0->2\" event=appeared ");
        assertThat(daemon.logLines("^2026-01-01T00:00:00")).isEmpty();
        assertThat(daemon.logLines()).allMatch(l -> l.matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S* .*"));
    }

    @Test
    void aConfigFullOfProblemsLogsABoundedNumberOfBoundedLines() throws IOException {
        // Just under the size limit: thousands of unknown keys, one of them 40,000 characters long.
        Path file = dir.resolve("config.json");
        InputFiles.unknownKeys(file, 200_000);
        String json = Files.readString(file);
        Files.writeString(file, json.substring(0, json.length() - 1) + ", \"" + "k".repeat(40_000) + "\": 1}");

        daemon = DaemonProcess.in(dir, host.db()).jvmOptions(InputFiles.DAEMON_AS_INSTALLED).startReady();

        assertThat(daemon.logLines("WARN .*config path=.* key=")).hasSize(51);
        assertThat(daemon.logLines("config path=.* key=- problem=\"and [0-9]+ more warning\\(s\\), not listed\""))
                .hasSize(1);
        assertThat(daemon.logLines()).allSatisfy(l -> assertThat(l.length()).isLessThan(2_000));
    }
}
