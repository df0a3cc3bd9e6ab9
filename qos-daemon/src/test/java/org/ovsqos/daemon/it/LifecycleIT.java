package org.ovsqos.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ovsqos.daemon.it.Tiers.BASE;
import static org.ovsqos.daemon.it.Tiers.TIER1;
import static org.ovsqos.daemon.it.Tiers.TIER2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ovsqos.daemon.systemd.NotifySocket;

/**
 * The daemon as a process: crash and restart, an OVSDB restart under it, SIGTERM, systemd's
 * notifications, and the cases where it must refuse to start.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LifecycleIT {
    private static OvsHost host;

    @TempDir
    Path dir;

    private Bridge bridge;
    private DaemonProcess daemon;
    private DaemonProcess restarted;

    @BeforeAll
    static void startOvsdb() {
        host = OvsHost.start();
    }

    @AfterAll
    static void stopOvsdb() {
        host.close();
    }

    @AfterEach
    void cleanUp() {
        for (DaemonProcess d : new DaemonProcess[] {daemon, restarted}) {
            if (d != null) {
                d.close();
            }
        }
        if (!host.server().isRunning()) {
            host.server().restart();
        }
        if (bridge != null) {
            bridge.close();
        }
    }

    private DaemonProcess.Launch daemonIn(Path dir, QosConfigFile config) {
        config.writeTo(dir.resolve("config.json"));
        return DaemonProcess.in(dir, host.db());
    }

    @Test
    void aPenaltyOutlivesKill9WithItsEndUnchanged() throws IOException {
        bridge = host.bridge("br-crash");
        bridge.addPort("kvm201.0");
        daemon = daemonIn(dir, QosConfigFile.compressed().withPenalties(120, 4)).startReady();
        long penaltyUntil = Tiers.penalise(host, bridge, daemon, "kvm201.0");

        daemon.kill9();
        // While no daemon runs the row loses its limit; only the restored penalty can bring tier 1 back.
        bridge.set("kvm201.0", "ingress_policing_rate=0", "ingress_policing_burst=0");
        restarted = DaemonProcess.in(dir, host.db()).startReady();

        bridge.awaitPolicing("kvm201.0", TIER1);
        Instant before = Instant.now();
        JsonNode row = onlyRow(restarted.listJson());
        Instant after = Instant.now();
        assertThat(row.get("interface").asText()).isEqualTo("kvm201.0");
        assertThat(row.get("stage").asInt()).isEqualTo(1);
        assertThat(row.get("penalty_until").asLong()).isEqualTo(penaltyUntil);
        // Whole seconds, rounded up, of penalty_until (itself truncated to the second) minus now.
        assertThat(row.get("remaining_seconds").asLong())
                .isBetween(penaltyUntil - after.getEpochSecond() - 1, penaltyUntil - before.getEpochSecond() + 1)
                .isPositive();
        assertThat(restarted.logLines("state path=.* records=1 dropped=0")).hasSize(1);
    }

    @Test
    void takesOverTheOldScriptsStateFileKeepingItsRunningPenalties() throws IOException {
        bridge = host.bridge("br-migrate");
        bridge.addPort("kvm207.0");
        bridge.addPort("kvm207.1");
        bridge.addPort("kvm207.2");
        long now = Instant.now().getEpochSecond();
        // ovs_qos.py's state.json: one object per interface, epoch-second floats.
        String oldScriptsFile = """
                {"kvm207.0": {"stage": 2, "stage_until": %d.5, "cond1_start": null, "cond2_start": null,
                              "last_rx_bytes": 1000, "last_ts": %d.0},
                 "kvm207.1": {"stage": 1, "stage_until": %d.0, "cond1_start": null, "cond2_start": null},
                 "kvm207.2": {"stage": 7, "stage_until": "soon"}}
                """.formatted(now + 120, now - 30, now - 10);
        Files.writeString(dir.resolve("state.json"), oldScriptsFile);

        daemon = daemonIn(dir, QosConfigFile.compressed().withPenalties(120, 120)).startReady();

        bridge.awaitPolicing("kvm207.0", TIER2);
        bridge.awaitPolicing("kvm207.1", BASE);
        bridge.awaitPolicing("kvm207.2", BASE);
        JsonNode row = daemon.view("kvm207.0").orElseThrow();
        assertThat(row.get("stage").asInt()).isEqualTo(2);
        assertThat(row.get("penalty_until").asLong()).isEqualTo(now + 120);
        assertThat(daemon.logLines("INFO .*state path=.* format=ovs_qos.py records=2 action=imported kept=.*"
                + "state.json.old-script")).hasSize(1);
        assertThat(daemon.logLines("action=dropped")).as("only the bad record is dropped").hasSize(1);
        assertThat(dir.resolve("state.json.old-script")).as("kept for a rollback to the script")
                .hasContent(oldScriptsFile);
        assertThat(daemon.logLines("WARN .*state path=.* problem=\"kvm207.2: ")).hasSize(1);
        // The file is rewritten in the current format at the first tick.
        await("the state file in the current format").atMost(Bridge.PROMPTLY).ignoreExceptions().until(() ->
                new ObjectMapper().readTree(dir.resolve("state.json").toFile()).path("version").asInt() == 1);
    }

    @Test
    void reconnectsAfterAnOvsdbRestartAndReconcilesWhatChangedMeanwhile() {
        bridge = host.bridge("br-ovsdb");
        bridge.addPort("kvm202.0");
        daemon = daemonIn(dir, QosConfigFile.compressed()).startReady();
        bridge.awaitPolicing("kvm202.0", BASE);

        host.server().kill();
        awaitConnected(daemon, false);
        // What the daemon can only learn from the resynchronisation: a limit changed and a guest added.
        OfflineDatabase.setPolicingRate(host.server(), "kvm202.0", 123);
        OfflineDatabase.addPort(host.server(), "br-ovsdb", "kvm202.1");
        host.server().restart();
        awaitConnected(daemon, true);

        bridge.awaitPolicing("kvm202.0", BASE);
        bridge.awaitPolicing("kvm202.1", BASE);
        assertThat(daemon.awaitLog("WARN .*iface=kvm202.0 event=drift")).contains("ingress_policing_rate=123");
        // And live events flow again.
        bridge.set("kvm202.0", "ingress_policing_rate=456");
        bridge.awaitPolicing("kvm202.0", BASE);
        bridge.addPort("kvm202.2");
        bridge.awaitPolicing("kvm202.2", BASE);
        JsonNode status = daemon.statusJson();
        assertThat(status.at("/ovsdb/state").asText()).isEqualTo("connected");
        assertThat(status.get("managed_interfaces").asInt()).isEqualTo(3);
        assertThat(daemon.logLines("WARN .*ovsdb endpoint=.* state=disconnected")).hasSize(1);
        assertThat(daemon.awaitLog("ovsdb endpoint=.* state=connected down_for_s=")).contains("failed_attempts=");
    }

    @Test
    void startsWhileOvsdbIsDownAndPolicesOnceItComesUp() {
        bridge = host.bridge("br-late");
        bridge.addPort("kvm206.0");
        host.server().kill();

        daemon = daemonIn(dir, QosConfigFile.compressed()).start();
        daemon.awaitLog("WARN .*ovsdb endpoint=.* state=disconnected");
        await("status answering while OVSDB is down").atMost(DaemonProcess.STARTUP).ignoreExceptions()
                .until(() -> daemon.status().at("/ovsdb/last_error").isTextual());
        host.server().restart();

        bridge.awaitPolicing("kvm206.0", BASE);
        daemon.awaitLog("daemon state=ready");
        assertThat(daemon.logLines("WARN .*ovsdb endpoint=.* state=disconnected")).hasSize(1);
    }

    @Test
    void logsAnOvsdbOutageOnceWhileItKeepsRetrying() throws IOException {
        // An "OVSDB" that accepts each connection and hangs up: every retry is counted.
        Path socket = dir.resolve("db.sock");
        AtomicInteger attempts = new AtomicInteger();
        try (ServerSocketChannel refusing = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            refusing.bind(UnixDomainSocketAddress.of(socket));
            Thread acceptor = new Thread(() -> {
                while (refusing.isOpen()) {
                    try (SocketChannel connection = refusing.accept()) {
                        attempts.incrementAndGet();
                        connection.read(ByteBuffer.allocate(4096)); // the client's first request, then hang up
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "refusing-ovsdb");
            acceptor.setDaemon(true);
            acceptor.start();
            QosConfigFile.compressed().writeTo(dir.resolve("config.json"));
            daemon = DaemonProcess.in(dir, "unix:" + socket).start();

            await("three connection attempts").atMost(DaemonProcess.STARTUP).until(() -> attempts.get() >= 3);

            JsonNode ovsdb = daemon.status().get("ovsdb");
            assertThat(ovsdb.get("state").asText()).isNotEqualTo("connected");
            assertThat(ovsdb.get("last_error").asText()).isNotBlank();
            // The session's line and the daemon's own, each once for the outage, however many retries.
            assertThat(daemon.logLines("(?i)WARN .*state=disconnected")).hasSize(2);
        }
    }

    @Test
    void sighupReloadsTheConfig() throws IOException, InterruptedException {
        bridge = host.bridge("br-hup");
        bridge.addPort("kvm205.0");
        QosConfigFile config = QosConfigFile.compressed();
        daemon = daemonIn(dir, config).startReady();
        bridge.awaitPolicing("kvm205.0", BASE);

        config.withBaseMbit(50).writeTo(daemon.files().config());
        Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(daemon.pid())).inheritIO().start();
        assertThat(hup.waitFor()).isZero();

        bridge.awaitPolicing("kvm205.0", Policing.of(50_000, 5_000));
        assertThat(daemon.awaitLog("config path=.* reloaded=true")).contains("problems=0");
        assertThat(daemon.isAlive()).isTrue();
    }

    @Test
    void tellsSystemdReadyAfterTheFirstSyncThenStatusWatchdogAndStopping() {
        bridge = host.bridge("br-notify");
        bridge.addPort("kvm203.0");
        try (NotifySocket systemd = NotifySocket.bind(dir.resolve("notify.sock"))) {
            daemon = daemonIn(dir, QosConfigFile.compressed()).notifySocket(systemd.path())
                    .watchdog(Duration.ofSeconds(2)).startReady();

            await("READY=1").atMost(Bridge.PROMPTLY).until(() -> systemd.messages().stream()
                    .anyMatch(m -> m.startsWith("READY=1\n")));
            String ready = systemd.messages().stream().filter(m -> m.startsWith("READY=1\n")).findFirst().orElseThrow();
            // Sent after the first sync: the interface is already managed and OVSDB connected.
            assertThat(ready).isEqualTo("READY=1\nSTATUS=managed=1 penalised=0 ovsdb=connected");
            await("a STATUS= from a tick").atMost(Bridge.PROMPTLY).until(() -> systemd.messages().stream()
                    .anyMatch(m -> m.startsWith("STATUS=managed=1 ")));
            await("WATCHDOG=1 while ticks run").atMost(Bridge.PROMPTLY).until(() -> systemd.messages()
                    .contains("WATCHDOG=1"));

            assertThat(daemon.terminate()).isZero();
            List<String> messages = systemd.messages();
            assertThat(messages).contains("STOPPING=1");
            assertThat(messages.indexOf("STOPPING=1")).isGreaterThan(messages.indexOf(ready));
        }
    }

    @Test
    void sigtermSavesTheStateAndExitsZero() throws IOException {
        bridge = host.bridge("br-term");
        bridge.addPort("kvm204.0");
        daemon = daemonIn(dir, QosConfigFile.compressed().withPenalties(120, 4)).startReady();
        long penaltyUntil = Tiers.penalise(host, bridge, daemon, "kvm204.0");

        assertThat(daemon.terminate()).isZero();

        JsonNode saved = new ObjectMapper().readTree(daemon.files().state().toFile()).at("/interfaces/kvm204.0");
        assertThat(saved.get("stage").asInt()).isEqualTo(1);
        assertThat(Instant.parse(saved.get("penalty_until").asText()).getEpochSecond()).isEqualTo(penaltyUntil);
        assertThat(daemon.logLines("daemon action=stopped")).hasSize(1);
    }

    @Test
    void refusesToStartWithAnUnusableConfig() throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"iface_name_regexes\": [\"(\"]}");

        OvsQosJar.Result result = OvsQosJar.run(dir, List.of(), Map.of(),
                DaemonProcess.in(dir, host.db()).args());

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.stderrLines()).as(result.toString())
                .filteredOn(l -> l.contains(config.toString()) && l.contains("unusable")).hasSize(1);
        assertThat(Files.exists(dir.resolve("admin.sock"))).isFalse();
    }

    @Test
    void refusesToStartWhenNettysNativeLibraryCannotLoadAndSaysWhere() throws IOException {
        // A work directory under a plain file: Netty cannot extract its JNI library there.
        Path notADirectory = Files.createFile(dir.resolve("not-a-directory"));

        OvsQosJar.Result result = OvsQosJar.runWithJvmOptions(dir,
                List.of("-Dio.netty.native.workdir=" + notADirectory.resolve("lib")),
                DaemonProcess.in(dir, host.db()).args());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).as(result.toString())
                .contains("cannot open the admin socket " + dir.resolve("admin.sock"))
                .contains(notADirectory.resolve("lib").toString()) // the innermost cause
                .contains("io.netty.native.workdir (default java.io.tmpdir)").contains("noexec");
        assertThat(Files.exists(dir.resolve("admin.sock"))).isFalse();
    }

    @Test
    void refusesToStartWhileAnotherDaemonHoldsTheLock() {
        daemon = daemonIn(dir, QosConfigFile.compressed()).startReady();

        // Every path the same, as two daemons started with the defaults: the second must leave
        // the first one's socket, log and state alone.
        OvsQosJar.Result second = OvsQosJar.run(dir, List.of(), Map.of(), DaemonProcess.in(dir, host.db()).args());

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(1);
        assertThat(second.stderrLines()).as(second.toString()).hasSize(1);
        assertThat(second.stderr()).startsWith("ovs-qos: ").contains(daemon.files().lock().toString());
        assertThat(daemon.isAlive()).isTrue();
        assertThat(daemon.logLines("starting version=")).hasSize(1);
        assertThat(daemon.statusJson().get("pid").asLong()).isEqualTo(daemon.pid());
    }

    /** Polls status until OVSDB is (or is no longer) shown connected. */
    private static void awaitConnected(DaemonProcess daemon, boolean connected) {
        await("ovsdb connected=" + connected).atMost(DaemonProcess.STARTUP).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> daemon.status().at("/ovsdb/state").asText().equals("connected") == connected);
    }

    private static JsonNode onlyRow(JsonNode list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }
}
