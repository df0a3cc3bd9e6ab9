package org.ovsqos.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ovsqos.daemon.common.DaemonException;

/** What the admin server does with the socket's file: mode, directory, stale and live sockets, removal. */
class AdminSocketFileTest {
    @TempDir
    Path dir;

    private final List<AdminServer> servers = new ArrayList<>();

    @AfterEach
    void closeServers() {
        servers.forEach(AdminServer::close);
    }

    private Path socket() {
        return dir.resolve("admin.sock");
    }

    private AdminServer start(AdminServerOptions.Builder options) throws IOException {
        AdminServer server = AdminServer.start(options.build(), new FakeAdminHandler(),
                Clock.fixed(FakeAdminHandler.NOW, ZoneOffset.UTC));
        servers.add(server);
        return server;
    }

    private AdminServer start() throws IOException {
        return start(AdminServerOptions.builder(socket()));
    }

    @Test
    void socketFileHasMode0660AndAMissingDirectoryIsCreated0755() throws IOException {
        Path socket = dir.resolve("run/ovs-qos/admin.sock");
        start(AdminServerOptions.builder(socket));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-rw----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent().getParent())))
                .isEqualTo("rwxr-xr-x");
    }

    @Test
    void aStaleSocketFromADeadDaemonIsReplaced() throws IOException {
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket()));
        } // closed without unlinking, as a killed daemon leaves it
        assertThat(socket()).exists();

        start();

        assertThat(new AdminClient(socket()).list()).hasSize(2);
    }

    @Test
    void aLiveSocketIsNotTakenOver() throws IOException {
        try (ServerSocketChannel live = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            live.bind(UnixDomainSocketAddress.of(socket()));

            assertThatThrownBy(this::start)
                    .isInstanceOf(DaemonException.class)
                    .hasMessage("another process is answering on " + socket() + "; refusing to replace it");
            assertThat(socket()).exists();
        }
    }

    @Test
    void aFileThatIsNotASocketIsNeverDeleted() throws IOException {
        Files.writeString(socket(), "precious");

        assertThatThrownBy(this::start).isInstanceOf(DaemonException.class).hasMessageContaining("is not a socket");
        assertThat(Files.readString(socket())).isEqualTo("precious");
    }

    @Test
    void aPathTooLongForAUnixSocketIsRefusedNotCutShort() {
        Path socket = dir.resolve("d".repeat(AdminSocketFile.MAX_PATH_BYTES - dir.toString().length()) + ".sock");

        assertThatThrownBy(() -> start(AdminServerOptions.builder(socket)))
                .isInstanceOf(DaemonException.class).hasMessageContaining("a unix socket path may have at most 107");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void closeRemovesTheSocketFile() throws IOException {
        AdminServer server = start();

        server.close();

        assertThat(socket()).doesNotExist();
        assertThatThrownBy(() -> new AdminClient(socket()).list()).isInstanceOf(DaemonUnavailableException.class);
    }
}
