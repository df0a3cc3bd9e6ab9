package org.ovsqos.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SO_PEERCRED end to end with a peer that really is not root: a second JVM, dropped to
 * nobody with setpriv(1) when the tests run as root, or simply run as the (non-root) test user.
 * The peer is a single-file JDK program, so it needs nothing from the build's class path.
 */
class NonRootPeerTest {
    private static final String PEER_SOURCE = """
            import java.net.*; import java.nio.*; import java.nio.channels.*; import java.nio.charset.*;
            public class Peer {
                public static void main(String[] args) throws Exception {
                    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                        ch.connect(UnixDomainSocketAddress.of(args[0]));
                        ch.write(ByteBuffer.wrap((args[1] + "\\n").getBytes(StandardCharsets.UTF_8)));
                        ByteBuffer in = ByteBuffer.allocate(1 << 16);
                        while (ch.read(in) >= 0) { }
                        System.out.print(new String(in.array(), 0, in.position(), StandardCharsets.UTF_8));
                    }
                }
            }
            """;
    private static final int NOBODY = 65534;

    @TempDir
    Path dir;

    private final FakeAdminHandler handler = new FakeAdminHandler();
    private AdminServer server;
    private Path peer;

    @BeforeEach
    void start() throws IOException {
        // The dropped peer must reach the socket: a traversable directory and, standing in for
        // membership of the socket's group, a world-writable socket.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        server = AdminServer.start(AdminServerOptions.builder(dir.resolve("admin.sock")).build(), handler,
                Clock.fixed(FakeAdminHandler.NOW, ZoneOffset.UTC));
        Files.setPosixFilePermissions(server.socket(), PosixFilePermissions.fromString("rw-rw-rw-"));
        peer = dir.resolve("Peer.java");
        Files.writeString(peer, PEER_SOURCE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aNonRootPeerMayListButNotRelease() throws Exception {
        JsonNode list = askAsNonRoot("{\"command\":\"list\"}");
        JsonNode release = askAsNonRoot("{\"command\":\"release\",\"interface\":\"kvm101.0\"}");
        JsonNode reload = askAsNonRoot("{\"command\":\"reload\"}");

        assertThat(list.get("ok").asBoolean()).isTrue();
        assertThat(release.get("ok").asBoolean()).isFalse();
        assertThat(release.get("error").asText()).startsWith("release is allowed only for root (peer uid=" + expectedUid());
        assertThat(reload.get("ok").asBoolean()).isFalse();
        assertThat(handler.released).isEmpty();
        assertThat(handler.reloads).isZero();
    }

    private static int expectedUid() {
        return RealUid.current() == 0 ? NOBODY : RealUid.current();
    }

    private JsonNode askAsNonRoot(String request) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (RealUid.current() == 0) {
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-Xshare:auto", peer.toString(), server.socket().toString(), request));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return new ObjectMapper().readTree(output);
    }
}
