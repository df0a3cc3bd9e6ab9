package org.ovsqos.daemon.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.ovsqos.daemon.it.Tiers.BASE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ovsqos.daemon.testing.LocalUser;

/**
 * The admin socket and the reading verbs of the command-line contract: {@code list --json} and
 * {@code status --json} fields, who may change what, malformed requests, and no daemon at all.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AdminSocketIT extends DaemonOnOvsHost {
    /** The fields of {@code list --json} the contract names, no more, no fewer. */
    static final Set<String> LIST_FIELDS = Set.of("interface", "stage", "limit_kbps", "burst_kb", "base_kbps",
            "penalty_until", "remaining_seconds", "last_mbps", "now_mbps", "present", "vm_id");
    /** What libvirt puts in {@code external_ids:vm-id}: the domain's UUID. */
    static final String VM_ID = "3f0c9a52-1b7e-4d2a-8c11-5e6f7a8b9c0d";

    @Test
    void listAndStatusJsonCarryTheContractFields() {
        bridge = host.bridge("br-list");
        bridge.addPort("kvm305.1");
        bridge.addPort("kvm305.0");
        bridge.set("kvm305.0", "external_ids:vm-id=" + VM_ID);
        daemon = daemon(QosConfigFile.compressed().withPenalties(120, 4)).startReady();
        bridge.awaitPolicing("kvm305.1", BASE);
        long penaltyUntil = penalise("kvm305.0");

        Instant before = Instant.now();
        JsonNode list = daemon.listJson();
        Instant after = Instant.now();

        assertThat(list.isArray()).isTrue();
        assertThat(StreamSupport.stream(list.spliterator(), false).map(r -> r.get("interface").asText()))
                .containsExactly("kvm305.0", "kvm305.1");
        for (JsonNode row : list) {
            assertThat(fieldNames(row)).as(row.toString()).containsExactlyInAnyOrderElementsOf(LIST_FIELDS);
            assertThat(row.get("interface").isTextual()).isTrue();
            assertThat(row.get("stage").isInt()).isTrue();
            assertThat(row.get("limit_kbps").isIntegralNumber()).isTrue();
            assertThat(row.get("burst_kb").isIntegralNumber()).isTrue();
            assertThat(row.get("base_kbps").isIntegralNumber()).isTrue();
            assertThat(row.get("last_mbps").isNumber()).isTrue();
            assertThat(row.get("now_mbps").isNumber() || row.get("now_mbps").isNull()).isTrue();
            assertThat(row.get("present").isBoolean()).isTrue();
        }
        JsonNode penalised = list.get(0);
        assertThat(penalised.get("stage").asInt()).isEqualTo(1);
        assertThat(penalised.get("limit_kbps").asLong()).isEqualTo(90_000);
        assertThat(penalised.get("burst_kb").asLong()).isEqualTo(9_000);
        assertThat(penalised.get("base_kbps").asLong()).isEqualTo(100_000);
        assertThat(penalised.get("penalty_until").isIntegralNumber()).isTrue();
        assertThat(penalised.get("penalty_until").asLong()).isEqualTo(penaltyUntil);
        assertThat(penalised.get("remaining_seconds").isIntegralNumber()).isTrue();
        assertThat(penalised.get("remaining_seconds").asLong())
                .isBetween(penaltyUntil - after.getEpochSecond() - 1, penaltyUntil - before.getEpochSecond() + 1);
        assertThat(penalised.get("last_mbps").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(penalised.get("present").asBoolean()).isTrue();
        assertThat(penalised.get("vm_id").asText()).isEqualTo(VM_ID);
        JsonNode idle = list.get(1);
        assertThat(idle.get("stage").asInt()).isZero();
        assertThat(idle.get("limit_kbps").asLong()).isEqualTo(100_000);
        assertThat(idle.get("burst_kb").asLong()).isEqualTo(10_000);
        assertThat(idle.get("penalty_until").isNull()).isTrue();
        assertThat(idle.get("remaining_seconds").isNull()).isTrue();
        assertThat(idle.get("now_mbps").isNull()).as("no statistics yet").isTrue();
        assertThat(idle.get("present").asBoolean()).isTrue();
        assertThat(idle.get("vm_id").isNull()).as("no external_ids:vm-id").isTrue();

        JsonNode status = daemon.statusJson();
        assertThat(status.get("pid").asLong()).isEqualTo(daemon.pid());
        assertThat(status.at("/ovsdb/state").asText()).isEqualTo("connected");
        assertThat(status.at("/ovsdb/endpoint").asText()).isEqualTo(host.db());
        assertThat(status.get("managed_interfaces").asInt()).isEqualTo(2);
        assertThat(status.get("penalties_by_tier").toString()).isEqualTo("{\"1\":1}");
        assertThat(status.get("last_tick").isIntegralNumber()).isTrue();
        assertThat(status.get("uptime_seconds").asLong()).isNotNegative();
        assertThat(status.get("config_path").asText()).isEqualTo(daemon.files().config().toString());
        assertThat(status.get("dry_run").asBoolean()).isFalse();

        OvsQosJar.Result table = daemon.cli("list");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.stdoutLines()).anyMatch(l -> l.startsWith("kvm305.0") && l.contains("90"))
                .anyMatch(l -> l.startsWith("kvm305.1"));
    }

    @Test
    void onlyRootMayReleaseOrReloadWhateverTheUserIsCalled() throws IOException {
        bridge = host.bridge("br-auth");
        bridge.addPort("kvm306.0");
        // The other user must reach the socket: a searchable directory, and the socket's group.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        daemon = daemon(QosConfigFile.compressed()).startReady();
        try (LocalUser user = LocalUser.create()) {
            user.grantSocket(daemon.adminSocket());
            // A copy it can read: the checkout may sit where it may not (/root is mode 0700).
            Path jar = user.copy(OvsQosJar.JAR);

            OvsQosJar.Result list = as(user, jar, "list", "--json");
            OvsQosJar.Result release = as(user, jar, "release", "kvm306.0");
            OvsQosJar.Result reload = as(user, jar, "reload");

            assertThat(list.exitCode()).as(list.toString()).isZero();
            assertThat(list.stdout()).contains("\"interface\":\"kvm306.0\"");
            assertThat(release.exitCode()).as(release.toString()).isEqualTo(1);
            assertThat(release.stderr()).contains("allowed only for root");
            assertThat(reload.exitCode()).as(reload.toString()).isEqualTo(1);
            assertThat(reload.stderr()).contains("allowed only for root");
            assertThat(daemon.logLines("config path=.* reloaded=true")).isEmpty();
            assertThat(daemon.logLines("iface=kvm306.0 .*reason=released")).isEmpty();
            // Numbers from the kernel, the name from NSS (here an all-digit one, which is not uid 0).
            assertThat(daemon.logLines("admin command=release denied peer=\"uid=" + user.uid() + " gid=" + user.gid()
                    + " pid=\\d+ user=" + user.name() + "\"")).hasSize(1);
        }
    }

    @Test
    void aUserHoldingConnectionsOpenDoesNotLockRootOut() throws Exception {
        assumeTrue(LocalUser.runningAsRoot(), "a second user, and root, are needed");
        bridge = host.bridge("br-hog");
        bridge.addPort("kvm308.0");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        daemon = daemon(QosConfigFile.compressed()).startReady();
        bridge.awaitPolicing("kvm308.0", BASE);
        try (LocalUser user = LocalUser.create()) {
            user.grantSocket(daemon.adminSocket());
            Process hog = startHog(user, 140);
            try {
                awaitSaturated(hog);

                // Several rounds: they outlast the read timeout, after which the hog reconnects.
                for (int round = 0; round < 3; round++) {
                    OvsQosJar.Result reload = daemon.cli("reload");
                    OvsQosJar.Result release = daemon.cli("release", "kvm308.0");
                    assertThat(reload.exitCode()).as(reload.toString()).isZero();
                    assertThat(release.exitCode()).as(release.toString()).isZero();
                }

                assertThat(hog.isAlive()).as("the hog kept at it").isTrue();
                assertThat(daemon.logLines("admin connection refused peer=\"uid=" + user.uid() + " .*reason=user_full"))
                        .isNotEmpty();
            } finally {
                LocalUser.destroy(hog);
            }
        }
        assertThat(daemon.isAlive()).isTrue();
    }

    @Test
    void listShowsControlCharactersOfInterfaceNamesAsEscapes() throws IOException {
        // OVSDB takes any string as a name: here ESC sequences (clear screen, set title), BEL, DEL.
        String name = "kvm311.0\u001b[2J\u001b]0;owned\u0007\u007f";
        bridge = host.bridge("br-ctrl");
        bridge.addPort(name);
        daemon = daemon(QosConfigFile.compressed()).startReady();
        bridge.awaitPolicing(name, BASE);

        OvsQosJar.Result table = daemon.cli("list");
        OvsQosJar.Result json = daemon.cli("list", "--json");

        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.stdout().chars().filter(c -> c != '\n' && Character.isISOControl(c))).isEmpty();
        assertThat(table.stdoutLines()).hasSize(2)
                .anyMatch(l -> l.startsWith("kvm311.0\\x1b[2J\\x1b]0;owned\\x07\\x7f "));
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.stdout().chars().filter(c -> c != '\n' && Character.isISOControl(c))).isEmpty();
        assertThat(new ObjectMapper().readTree(json.stdout()).get(0).get("interface").asText()).isEqualTo(name);
    }

    @Test
    void releaseTakesAnInterfaceNameOfAnyLength() {
        // The report: a name over 256 characters was penalised and could not be released.
        String name = "kvm312." + "x".repeat(4000);
        bridge = host.bridge("br-long");
        bridge.addPort(name);
        daemon = daemon(QosConfigFile.compressed().withPenalties(120, 4)).startReady();
        penalise(name);

        OvsQosJar.Result released = daemon.cli("release", name);

        assertThat(released.exitCode()).as(released.toString()).isZero();
        assertThat(released.stdout()).contains("released " + name);
        bridge.awaitPolicing(name, BASE);
    }

    @Test
    void malformedRequestsGetAnErrorAndDisturbNothing() {
        bridge = host.bridge("br-garbage");
        bridge.addPort("kvm307.0");
        daemon = daemon(QosConfigFile.compressed()).startReady();
        bridge.awaitPolicing("kvm307.0", BASE);

        for (String request : List.of("this is not json", "[1,2,3]", "{\"command\":42}",
                "{\"command\":\"explode\"}", "{\"command\":\"release\"}")) {
            JsonNode answer = AdminSocket.ask(daemon.adminSocket(), request);
            assertThat(answer.get("ok").asBoolean()).as(request).isFalse();
            assertThat(answer.get("error").asText()).as(request).isNotBlank();
        }

        assertThat(daemon.isAlive()).isTrue();
        assertThat(daemon.listJson()).hasSize(1);
        assertThat(bridge.policing("kvm307.0")).isEqualTo(BASE);
    }

    @Test
    void answersManyClientsAtOnce() throws Exception {
        bridge = host.bridge("br-crowd");
        bridge.addPort("kvm310.0");
        daemon = daemon(QosConfigFile.compressed()).startReady();
        bridge.awaitPolicing("kvm310.0", BASE);

        ExecutorService clients = Executors.newFixedThreadPool(32);
        try {
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String command = i % 2 == 0 ? "list" : "status";
                answers.add(clients.submit(() -> AdminSocket.ask(daemon.adminSocket(),
                        "{\"command\":\"" + command + "\"}")));
            }
            for (Future<JsonNode> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS).get("ok").asBoolean()).isTrue();
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(daemon.isAlive()).isTrue();
    }

    @Test
    void clientCommandsFailClearlyWhenNoDaemonAnswers() {
        for (String verb : List.of("list", "status", "reload")) {
            OvsQosJar.Result result = OvsQosJar.run(dir, verb, "--admin-socket", dir.resolve("none.sock").toString());

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.stderrLines()).as(result.toString()).hasSize(1);
            assertThat(result.stderr()).startsWith("ovs-qos: ").contains("none.sock");
        }
    }

    private OvsQosJar.Result as(LocalUser user, Path jar, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--admin-socket", daemon.adminSocket().toString()));
        return OvsQosJar.run(user.home(), jar, user.command(List.of()), Map.of(), all);
    }

    /** {@link ConnectionHog} as {@code user}, from a copy of its class file in the user's directory. */
    private Process startHog(LocalUser user, int connections) throws IOException, URISyntaxException {
        String classFile = ConnectionHog.class.getName().replace('.', '/') + ".class";
        Path classes = Path.of(ConnectionHog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        user.copy(classes.resolve(classFile), "classes/" + classFile);
        List<String> command = user.command(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx32m",
                "-cp", user.home().resolve("classes").toString(), ConnectionHog.class.getName(),
                daemon.adminSocket().toString(), Integer.toString(connections)));
        return new ProcessBuilder(command).directory(user.home().toFile())
                .redirectError(dir.resolve("hog.err").toFile()).start();
    }

    /** Waits for the hog's word that the daemon refuses it more: it holds all it may. */
    private void awaitSaturated(Process hog) throws Exception {
        BufferedReader out = hog.inputReader(UTF_8);
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(line).as("hog stderr: " + Files.readString(dir.resolve("hog.err"))).startsWith("saturated");
    }

    private static List<String> fieldNames(JsonNode row) {
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
