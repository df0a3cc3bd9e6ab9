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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ovsqos.daemon.testing.LocalUser;

/**
 * SO_PEERCRED end to end with a peer that really is not root: a second JVM run as a user made
 * for the test, whose login name is all digits ({@code 00}). The peer is a single-file JDK
 * program in that user's own directory, so it needs nothing from the build's class path and
 * nothing the user may not read.
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

    @TempDir
    Path dir;

    private final FakeAdminHandler handler = new FakeAdminHandler();
    private AdminServer server;

    @BeforeEach
    void start() throws IOException {
        // The peer must reach the socket: a searchable directory, and the socket's group (below).
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        server = AdminServer.start(AdminServerOptions.builder(dir.resolve("admin.sock")).build(), handler,
                Clock.fixed(FakeAdminHandler.NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aUserWhoseNameIsAllDigitsMayListButNotReleaseOrReload() throws Exception {
        try (LocalUser user = LocalUser.create()) {
            user.grantSocket(server.socket());
            Path peer = user.write("Peer.java", PEER_SOURCE);

            JsonNode list = ask(user, peer, "{\"command\":\"list\"}");
            JsonNode release = ask(user, peer, "{\"command\":\"release\",\"interface\":\"kvm101.0\"}");
            JsonNode reload = ask(user, peer, "{\"command\":\"reload\"}");

            assertThat(list.get("ok").asBoolean()).isTrue();
            assertThat(release.get("ok").asBoolean()).as(release.toString()).isFalse();
            // The name is the one NSS gives the uid, never the other way round.
            assertThat(release.get("error").asText()).matches("release is allowed only for root \\(peer uid="
                    + user.uid() + " gid=" + user.gid() + " pid=\\d+ user=" + user.name() + "\\)");
            assertThat(reload.get("ok").asBoolean()).as(reload.toString()).isFalse();
            assertThat(handler.released).isEmpty();
            assertThat(handler.reloads).isZero();
        }
    }

    private JsonNode ask(LocalUser user, Path peer, String request) throws IOException, InterruptedException {
        List<String> command = user.command(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-Xshare:auto", peer.toString(), server.socket().toString(), request));
        Process process = new ProcessBuilder(command).directory(user.home().toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return new ObjectMapper().readTree(output);
    }
}
