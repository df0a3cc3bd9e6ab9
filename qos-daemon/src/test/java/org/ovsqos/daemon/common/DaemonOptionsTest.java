package org.ovsqos.daemon.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaemonOptionsTest {
    @Test
    void defaultsAreTheContracts() {
        DaemonOptions options = DaemonOptions.builder().build();

        assertThat(options.configFile()).isEqualTo(Path.of("/opt/ovs-qos/config.json"));
        assertThat(options.dbEndpoint()).isEqualTo("unix:/var/run/openvswitch/db.sock");
        assertThat(options.stateFile()).isEqualTo(Path.of("/run/ovs-qos/state.json"));
        assertThat(options.adminSocket()).isEqualTo(Path.of("/run/ovs-qos/admin.sock"));
        assertThat(options.lockFile()).isEqualTo(Path.of("/run/ovs-qos/daemon.lock"));
        assertThat(options.logFile()).hasValue(Path.of("/var/log/ovs-qos.log"));
        assertThat(options.dryRun()).isFalse();
    }

    @Test
    void dashAsLogFileMeansStderrOnly() {
        assertThat(DaemonOptions.builder().logFile("-").build().logFile()).isEqualTo(Optional.empty());
    }

    @Test
    void acceptsEveryEndpointScheme() {
        for (String endpoint : new String[] {"unix:/tmp/db.sock", "tcp:127.0.0.1:6640", "ssl:ovs.example:6640"}) {
            assertThat(DaemonOptions.builder().dbEndpoint(endpoint).build().dbEndpoint()).isEqualTo(endpoint);
        }
    }

    @Test
    void rejectsAnEndpointWithoutAKnownScheme() {
        for (String endpoint : new String[] {"/var/run/openvswitch/db.sock", "unix:", "http://x", ""}) {
            assertThatThrownBy(() -> DaemonOptions.builder().dbEndpoint(endpoint).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--db must be");
        }
    }

    @Test
    void rejectsOneFileForTwoPurposes() {
        assertThatThrownBy(() -> DaemonOptions.builder().stateFile(Path.of("/run/x")).lockFile(Path.of("/run/./x")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--lock");
    }

    @Test
    void rejectsABlankLogFile() {
        assertThatThrownBy(() -> DaemonOptions.builder().logFile(" ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--log-file");
    }
}
