package org.ovsqos.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ovsqos.daemon.testing.LocalUser;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdminServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(FakeAdminHandler.NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final FakeAdminHandler handler = new FakeAdminHandler();
    private final List<AdminServer> servers = new ArrayList<>();

    @AfterEach
    void closeServers() {
        servers.forEach(AdminServer::close);
    }

    private Path socket() {
        return dir.resolve("admin.sock");
    }

    private AdminServer start(AdminServerOptions.Builder options) throws IOException {
        AdminServer server = AdminServer.start(options.build(), handler, CLOCK);
        servers.add(server);
        return server;
    }

    private AdminServer start() throws IOException {
        return start(AdminServerOptions.builder(socket()));
    }

    private static JsonNode parse(String response) throws IOException {
        assertThat(response).endsWith("\n");
        return JSON.readTree(response);
    }

    @Test
    void answersListWithTheSnapshotSortedByName() throws IOException {
        start();

        JsonNode response = parse(SocketClients.exchange(socket(), "{\"command\":\"list\"}\n"));

        assertThat(response.get("ok").asBoolean()).isTrue();
        assertThat(response.get("result").findValuesAsText("interface")).containsExactly("kvm101.0", "kvm102.0");
        assertThat(response.at("/result/1/remaining_seconds").asLong()).isEqualTo(723);
    }

    @Test
    void answersStatus() throws IOException {
        start();

        DaemonStatus status = new AdminClient(socket()).status();

        assertThat(status).isEqualTo(FakeAdminHandler.sampleStatus());
    }

    @Test
    void aRequestEndedByHalfCloseInsteadOfNewlineIsAnswered() throws IOException {
        start();
        try (SocketChannel channel = SocketClients.connect(socket())) {
            channel.write(ByteBuffer.wrap("{\"command\":\"status\"}".getBytes(StandardCharsets.UTF_8)));
            channel.shutdownOutput();

            assertThat(parse(SocketClients.readToEnd(channel)).get("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void aRequestWrittenInPiecesIsAnswered() throws Exception {
        // Whether the kernel delivers it in one read or two; AdminConnectionTest covers the split itself.
        start();
        try (SocketChannel channel = SocketClients.connect(socket())) {
            channel.write(ByteBuffer.wrap("{\"comm".getBytes(StandardCharsets.UTF_8)));
            channel.write(ByteBuffer.wrap("and\":\"list\"}\n".getBytes(StandardCharsets.UTF_8)));

            assertThat(parse(SocketClients.readToEnd(channel)).get("result").size()).isEqualTo(2);
        }
    }

    @Test
    void malformedJsonGetsAnErrorAndDisturbsNothing() throws IOException {
        start();

        JsonNode response = parse(SocketClients.exchange(socket(), "{\"command\": list\n"));

        assertThat(response.get("ok").asBoolean()).isFalse();
        assertThat(response.get("error").asText()).startsWith("malformed request");
        assertThat(new AdminClient(socket()).list()).hasSize(2);
    }

    @Test
    void requestsThatAreNotCommandsGetErrors() throws IOException {
        start();

        assertThat(parse(SocketClients.exchange(socket(), "[1,2]\n")).get("error").asText())
                .contains("\"command\" string");
        assertThat(parse(SocketClients.exchange(socket(), "{\"command\":7}\n")).get("error").asText())
                .contains("\"command\" string");
        assertThat(parse(SocketClients.exchange(socket(), "{\"command\":\"shutdown\"}\n")).get("error").asText())
                .isEqualTo("unknown command \"shutdown\"; expected one of [list, status, release, reload]");
        assertThat(parse(SocketClients.exchange(socket(), "\n")).get("ok").asBoolean()).isFalse();
    }

    @Test
    void oversizedRequestIsRefusedAndDropped() throws IOException {
        start(AdminServerOptions.builder(socket()).maxRequestBytes(1024).maxRootRequestBytes(1024));
        byte[] huge = new byte[1024 + 100];
        Arrays.fill(huge, (byte) 'a');

        JsonNode response = parse(SocketClients.exchange(socket(), huge));

        assertThat(response.get("error").asText()).isEqualTo("request larger than 1024 bytes");
        assertThat(new AdminClient(socket()).list()).hasSize(2);
    }

    @Test
    void defaultRequestLimitIs64KiBAndForRoot1MiB() throws IOException {
        start();
        int limit = LocalUser.runningAsRoot()
                ? AdminServerOptions.DEFAULT_MAX_ROOT_REQUEST_BYTES : AdminServerOptions.DEFAULT_MAX_REQUEST_BYTES;
        byte[] huge = new byte[limit + 1];
        Arrays.fill(huge, (byte) ' ');

        assertThat(parse(SocketClients.exchange(socket(), huge)).get("error").asText())
                .isEqualTo("request larger than " + limit + " bytes");
    }

    @Test
    void releaseTakesAnInterfaceNameOfAnyLengthACommandLineCanCarry() throws IOException {
        assumeTrue(LocalUser.runningAsRoot(), "release is for root");
        start();
        // The longest command-line argument Linux passes (MAX_ARG_STRLEN less its NUL), and
        // control characters, which JSON escapes at six bytes each.
        String name = "kvm1.0" + "\u0007".repeat(1000) + "x".repeat(128 * 1024 - 1 - 6 - 1000);
        handler.views = List.of(FakeAdminHandler.penalised(name, 1, FakeAdminHandler.NOW.plusSeconds(60)));

        String released = new AdminClient(socket()).release(name);

        assertThat(released).isEqualTo("released " + name);
        assertThat(handler.released).containsExactly(name);
    }

    @Test
    void silentClientIsDroppedWithoutHoldingUpOthers() throws IOException {
        start(AdminServerOptions.builder(socket()).readTimeout(Duration.ofMillis(300)));
        try (SocketChannel silent = SocketClients.connect(socket())) {
            // While the silent one is connected, others are served.
            assertThat(new AdminClient(socket()).list()).hasSize(2);

            String farewell = SocketClients.readToEnd(silent);

            assertThat(parse(farewell).get("error").asText()).isEqualTo("no complete request within 300 ms");
        }
    }

    @Test
    void fiftyConcurrentClientsAllGetTheirAnswer() throws Exception {
        start();
        int clients = 50;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<InterfaceView>>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return new AdminClient(socket()).list();
                }));
            }
            go.countDown();
            for (Future<List<InterfaceView>> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).extracting(InterfaceView::name)
                        .containsExactly("kvm101.0", "kvm102.0");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void connectionsBeyondTheLimitAreTurnedAway() throws IOException {
        start(AdminServerOptions.builder(socket()).maxConnections(2).reservedForRoot(0));
        try (SocketChannel first = SocketClients.connect(socket());
             SocketChannel second = SocketClients.connect(socket());
             SocketChannel third = SocketClients.connect(socket())) {
            JsonNode response = parse(SocketClients.readToEnd(third));

            assertThat(response.get("error").asText()).isEqualTo("too many admin connections; try again");
            // The real client shows the refusal even though its request could not be written.
            assertThatThrownBy(() -> new AdminClient(socket()).list())
                    .isInstanceOf(AdminCommandException.class).hasMessage("too many admin connections; try again");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(new AdminClient(socket()).list()).hasSize(2));
    }

    @Test
    void releaseIsDecidedByThePeersRealUid() throws IOException {
        start();
        AdminClient client = new AdminClient(socket());

        if (LocalUser.currentUid() == 0) {
            assertThat(client.release("kvm101.0")).isEqualTo("released kvm101.0");
            assertThat(handler.released).containsExactly("kvm101.0");
            assertThat(client.reload()).isEqualTo("reloaded /opt/ovs-qos/config.json");
            assertThat(handler.reloads).isEqualTo(1);
        } else {
            assertThatThrownBy(() -> client.release("kvm101.0"))
                    .isInstanceOf(AdminCommandException.class).hasMessageContaining("allowed only for root");
            assertThat(handler.released).isEmpty();
        }
    }

    @Test
    void releaseOfAnUnknownInterfaceReportsTheEnginesReason() throws IOException {
        start();
        AdminClient client = new AdminClient(socket());

        assertThatThrownBy(() -> client.release("kvm9.0"))
                .isInstanceOf(AdminCommandException.class)
                .hasMessageMatching(LocalUser.runningAsRoot() ? "no managed interface kvm9\\.0"
                        : "release is allowed only for root \\(peer uid=" + LocalUser.currentUid() + " gid=\\d+ pid="
                        + ProcessHandle.current().pid() + " user=" + System.getProperty("user.name") + "\\)");
    }

    @Test
    void releaseWithoutInterfaceIsAnError() throws IOException {
        start();

        JsonNode response = parse(SocketClients.exchange(socket(), "{\"command\":\"release\"}\n"));

        assertThat(response.get("ok").asBoolean()).isFalse();
        assertThat(handler.released).isEmpty();
    }

    @Test
    void aSlowReleaseDoesNotBlockReads() throws Exception {
        start();
        CompletableFuture<String> pending = new CompletableFuture<>();
        handler.releaseResult = pending;
        CompletableFuture<String> released = CompletableFuture.supplyAsync(
                () -> new AdminClient(socket()).release("kvm101.0"));

        assertThat(new AdminClient(socket()).list()).hasSize(2);
        pending.complete("released later");

        if (LocalUser.currentUid() == 0) {
            assertThat(released.get(10, TimeUnit.SECONDS)).isEqualTo("released later");
        }
    }

    @Test
    void aClientThatLeavesWhileItsCommandRunsGivesUpItsConnection() throws Exception {
        assumeTrue(LocalUser.runningAsRoot(), "release is for root");
        PendingRelease engine = new PendingRelease();
        servers.add(AdminServer.start(AdminServerOptions.builder(socket()).maxConnections(1).reservedForRoot(0).build(),
                engine, CLOCK));
        try (SocketChannel leaving = SocketClients.connect(socket())) {
            engine.sendFrom(leaving);
        }

        // The only connection is free again although the engine has not answered.
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .untilAsserted(() -> assertThat(new AdminClient(socket()).list()).hasSize(2));
        engine.pending.complete("released later");
        assertThat(new AdminClient(socket()).list()).hasSize(2);
    }

    @Test
    void aClientThatOnlyHalfClosesWhileItsCommandRunsGetsTheReply() throws Exception {
        assumeTrue(LocalUser.runningAsRoot(), "release is for root");
        PendingRelease engine = new PendingRelease();
        servers.add(AdminServer.start(AdminServerOptions.builder(socket()).build(), engine, CLOCK));
        try (SocketChannel waiting = SocketClients.connect(socket())) {
            // What socat does: the request, then end of input, then wait for the reply.
            engine.sendFrom(waiting);
            waiting.shutdownOutput();
            // Served meanwhile, so the server has seen the half-close before the engine answers.
            assertThat(new AdminClient(socket()).list()).hasSize(2);

            engine.pending.complete("released later");

            assertThat(parse(SocketClients.readToEnd(waiting)).path("result").path("message").asText()).isEqualTo("released later");
        }
    }

    @Test
    void anIdleAdminSocketDoesNotWakeItsThreadEverySecond() throws Exception {
        start();
        // From the moment it is idle: just started, the loop may still go to sleep once or twice.
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .until(() -> last[0] == (last[0] = adminThreadSwitches()));
        long before = last[0];
        Thread.sleep(2_500); // the absence of wake-ups can only be watched for a while

        // Counted by the kernel: Netty 4.2's loop would wake twice in this window unless told not to.
        assertThat(adminThreadSwitches() - before).isLessThanOrEqualTo(1);
    }

    // The voluntary context switches of this JVM's ovs-qos-admin thread(s).
    private static long adminThreadSwitches() throws IOException {
        long switches = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                if (Files.readString(task.resolve("comm")).strip().equals("ovs-qos-admin")) {
                    switches += Files.readAllLines(task.resolve("status")).stream()
                            .filter(line -> line.startsWith("voluntary_ctxt_switches:"))
                            .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).strip()))
                            .sum();
                }
            }
        }
        return switches;
    }

    @Test
    void aReleaseTheEngineNeverFinishesTimesOut() throws Exception {
        start(AdminServerOptions.builder(socket()).commandTimeout(Duration.ofMillis(200)));
        handler.releaseResult = new CompletableFuture<>();

        JsonNode response = parse(SocketClients.exchange(socket(),
                "{\"command\":\"release\",\"interface\":\"kvm101.0\"}\n"));

        assertThat(response.get("ok").asBoolean()).isFalse();
        if (LocalUser.currentUid() == 0) {
            assertThat(response.get("error").asText()).startsWith("release did not finish within 200 ms;");
        }
    }

    @Test
    void anEngineFailureBecomesAnErrorReply() throws IOException {
        AdminServer server = AdminServer.start(AdminServerOptions.builder(socket()).build(), new FakeAdminHandler() {
            @Override
            public List<InterfaceView> list() {
                throw new IllegalStateException("snapshot missing");
            }
        }, CLOCK);
        servers.add(server);

        JsonNode response = parse(SocketClients.exchange(socket(), "{\"command\":\"list\"}\n"));

        assertThat(response.get("error").asText())
                .isEqualTo("internal error in list: java.lang.IllegalStateException: snapshot missing");
    }

    /** An engine whose release is under way until the test completes {@link #pending}. */
    private static final class PendingRelease extends FakeAdminHandler {
        final CountDownLatch reachedEngine = new CountDownLatch(1);
        final CompletableFuture<String> pending = new CompletableFuture<>();

        @Override
        public CompletableFuture<String> release(String interfaceName) {
            reachedEngine.countDown();
            return pending;
        }

        /** Sends a release on {@code client} and waits until it has reached this engine. */
        void sendFrom(SocketChannel client) throws Exception {
            client.write(ByteBuffer.wrap("{\"command\":\"release\",\"interface\":\"kvm101.0\"}\n"
                    .getBytes(StandardCharsets.UTF_8)));
            assertThat(reachedEngine.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
