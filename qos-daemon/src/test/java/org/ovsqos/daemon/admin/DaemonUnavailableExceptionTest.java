package org.ovsqos.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ovsqos.daemon.admin.DaemonUnavailableException.PathFacts;
import org.ovsqos.daemon.admin.DaemonUnavailableException.Reason;

/** Each way of finding no daemon gets its own line; decided from the socket file, not strerror text. */
class DaemonUnavailableExceptionTest {
    private static final Path SOCKET = Path.of("/run/ovs-qos/admin.sock");

    private static DaemonUnavailableException classify(PathFacts facts, IOException e) {
        return DaemonUnavailableException.ofConnectFailure(SOCKET, facts, e);
    }

    @Test
    void missingSocket() {
        DaemonUnavailableException e = classify(new PathFacts(true, false, true), new SocketException("No such file or directory"));

        assertThat(e.reason()).isEqualTo(Reason.NO_SOCKET);
        assertThat(e).hasMessage("no ovs-qos daemon is running: /run/ovs-qos/admin.sock does not exist");
    }

    @Test
    void permissionDenied() {
        // The JDK reports EACCES on connect as a BindException; the file says what it was.
        DaemonUnavailableException e = classify(new PathFacts(false, true, false), new java.net.BindException("Keine Berechtigung"));

        assertThat(e.reason()).isEqualTo(Reason.PERMISSION_DENIED);
        assertThat(e).hasMessage("permission denied on /run/ovs-qos/admin.sock: run as root or as a member of the socket's group");
    }

    @Test
    void connectionRefused() {
        DaemonUnavailableException e = classify(new PathFacts(false, true, true), new ConnectException("Connection refused"));

        assertThat(e.reason()).isEqualTo(Reason.REFUSED);
        assertThat(e.getMessage()).startsWith("no ovs-qos daemon answers on /run/ovs-qos/admin.sock (connection refused");
    }

    @Test
    void notASocket() {
        DaemonUnavailableException e = classify(new PathFacts(false, false, true), new ConnectException("Connection refused"));

        assertThat(e.reason()).isEqualTo(Reason.NOT_A_SOCKET);
        assertThat(e).hasMessage("/run/ovs-qos/admin.sock is not a socket");
    }

    @Test
    void anythingElseKeepsTheSystemsReason() {
        DaemonUnavailableException e = classify(new PathFacts(false, true, true), new SocketException("Too many open files"));

        assertThat(e.reason()).isEqualTo(Reason.OTHER);
        assertThat(e).hasMessage("cannot reach the ovs-qos daemon on /run/ovs-qos/admin.sock: Too many open files");
    }
}
