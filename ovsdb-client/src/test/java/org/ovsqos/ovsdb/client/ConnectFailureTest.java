package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ovsqos.ovsdb.OvsdbConnectionException;

/** Connection attempts that cannot succeed fail with a message that says why. */
class ConnectFailureTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void noServerOnTheUnixSocket() {
        Endpoint endpoint = new Endpoint.Unix(dir.resolve("db.sock"));

        assertFailsWith(OvsdbConnection.connect(endpoint), "cannot connect to " + endpoint);
    }

    @Test
    void nothingListeningOnTheTcpPort() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        assertFailsWith(OvsdbConnection.connect(new Endpoint.Tcp("127.0.0.1", port)), "cannot connect to tcp:127.0.0.1");
    }

    @Test
    void sslWithoutTlsFiles() {
        assertFailsWith(OvsdbConnection.connect(Endpoint.parse("ssl:127.0.0.1:6640")), "needs TLS files");
    }

    @Test
    void sslWithAMissingKeyFile() {
        OvsdbOptions options = OvsdbOptions.builder()
                .ssl(new SslFiles(dir.resolve("key.pem"), dir.resolve("cert.pem"), dir.resolve("ca.pem"))).build();

        assertFailsWith(OvsdbConnection.connect(Endpoint.parse("ssl:127.0.0.1:6640"), options),
                "cannot read the private key file " + dir.resolve("key.pem"));
    }

    @Test
    void aSessionKeepsRetryingAndFailsCallsMeanwhile() throws Exception {
        Endpoint endpoint = new Endpoint.Unix(dir.resolve("db.sock"));
        try (OvsdbSession session = OvsdbSession.create(endpoint, OvsdbOptions.builder()
                .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(20), 0).build())) {
            CompletableFuture<SessionEvent> retried = new CompletableFuture<>();
            session.addStateListener(e -> {
                if (e.state() == SessionState.CONNECTING && session.lastFailure().isPresent()) {
                    retried.complete(e);
                }
            });
            session.start();

            assertThat(retried).succeedsWithin(WITHIN);
            assertFailsWith(session.call("list_dbs"), "not sent");
            assertThat(session.lastFailure()).get().isInstanceOf(OvsdbConnectionException.class);
        }
    }

    private static void assertFailsWith(CompletableFuture<?> attempt, String message) {
        assertThat(attempt).failsWithin(WITHIN).withThrowableOfType(ExecutionException.class).havingCause()
                .isInstanceOf(OvsdbConnectionException.class).withMessageContaining(message);
    }
}
