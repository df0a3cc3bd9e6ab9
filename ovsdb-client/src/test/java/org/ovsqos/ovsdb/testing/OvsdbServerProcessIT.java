package org.ovsqos.ovsdb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fixture itself, since other modules' tests build on it. */
class OvsdbServerProcessIT {

    private OvsdbServerProcess server;

    @BeforeEach
    void start() {
        server = OvsdbServerProcess.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersOnBothSocketsOnceStarted() throws Exception {
        assertThat(server.isRunning()).isTrue();
        assertThat(server.tcpPort()).isPositive();
        assertThat(EchoProbe.answers(server.unixEndpoint())).isTrue();
        assertThat(EchoProbe.answers(server.tcpEndpoint())).isTrue();
    }

    @Test
    void vsctlReturnsStandardOutput() {
        server.vsctl("add-br", "br0");

        assertThat(server.vsctl("list-br")).isEqualTo("br0\n");
    }

    @Test
    void vsctlFailureCarriesStandardError() {
        assertThatThrownBy(() -> server.vsctl("del-br", "nope"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no bridge named nope");
    }

    @Test
    void killStopsTheServer() {
        server.kill();

        assertThat(server.isRunning()).isFalse();
        assertThatThrownBy(() -> server.vsctl("list-br")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void restartKeepsTheDatabaseTheSocketAndThePort() throws Exception {
        server.vsctl("add-br", "br0");
        int port = server.tcpPort();
        Path socket = server.socketPath();

        server.restart();

        assertThat(server.tcpPort()).isEqualTo(port);
        assertThat(server.socketPath()).isEqualTo(socket);
        assertThat(EchoProbe.answers(server.tcpEndpoint())).isTrue();
        assertThat(server.vsctl("list-br")).isEqualTo("br0\n");
    }

    @Test
    void restartAfterKillStartsItAgain() {
        server.kill();

        server.restart();

        assertThat(server.isRunning()).isTrue();
    }

    @Test
    void closeKillsTheServerAndDeletesItsDirectory() {
        Path dir = server.directory();

        server.close();

        assertThat(server.isRunning()).isFalse();
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void refusesSslAccessorsWithoutSsl() {
        assertThatThrownBy(server::sslEndpoint).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("startWithSsl");
    }

    @Test
    void namesAMissingBinary() {
        assertThatThrownBy(() -> OvsBinaries.find("ovsdb-server-that-does-not-exist"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ovsdb-server-that-does-not-exist not found")
                .hasMessageContaining("scripts/test.sh");
    }
}
