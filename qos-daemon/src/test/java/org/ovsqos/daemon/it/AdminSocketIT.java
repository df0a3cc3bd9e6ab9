package org.ovsqos.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.daemon.it.Tiers.BASE;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The admin socket and the reading verbs of the command-line contract: {@code list --json} and
 * {@code status --json} fields, who may change what, malformed requests, and no daemon at all.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AdminSocketIT extends DaemonOnOvsHost {
    /** The fields of {@code list --json} the contract names, no more, no fewer. */
    static final Set<String> LIST_FIELDS = Set.of("interface", "stage", "limit_kbps", "burst_kb", "base_kbps",
            "penalty_until", "remaining_seconds", "last_mbps", "now_mbps", "present");
    private static final int NOBODY = 65534;

    @Test
    void listAndStatusJsonCarryTheContractFields() {
        bridge = host.bridge("br-list");
        bridge.addPort("kvm305.1");
        bridge.addPort("kvm305.0");
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
        JsonNode idle = list.get(1);
        assertThat(idle.get("stage").asInt()).isZero();
        assertThat(idle.get("limit_kbps").asLong()).isEqualTo(100_000);
        assertThat(idle.get("burst_kb").asLong()).isEqualTo(10_000);
        assertThat(idle.get("penalty_until").isNull()).isTrue();
        assertThat(idle.get("remaining_seconds").isNull()).isTrue();
        assertThat(idle.get("now_mbps").isNull()).as("no statistics yet").isTrue();
        assertThat(idle.get("present").asBoolean()).isTrue();

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
    void onlyRootMayReleaseOrReload() throws IOException {
        bridge = host.bridge("br-auth");
        bridge.addPort("kvm306.0");
        // The non-root peer must reach the socket: a traversable directory and, standing in for
        // membership of the socket's group, a socket anyone may open.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        daemon = daemon(QosConfigFile.compressed()).startReady();
        Files.setPosixFilePermissions(daemon.adminSocket(), PosixFilePermissions.fromString("rw-rw-rw-"));

        OvsQosJar.Result list = asNonRoot("list", "--json");
        OvsQosJar.Result release = asNonRoot("release", "kvm306.0");
        OvsQosJar.Result reload = asNonRoot("reload");

        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.stdout()).contains("\"interface\":\"kvm306.0\"");
        assertThat(release.exitCode()).as(release.toString()).isEqualTo(1);
        assertThat(release.stderr()).contains("allowed only for root");
        assertThat(reload.exitCode()).as(reload.toString()).isEqualTo(1);
        assertThat(reload.stderr()).contains("allowed only for root");
        assertThat(daemon.logLines("config path=.* reloaded=true")).isEmpty();
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

    private OvsQosJar.Result asNonRoot(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--admin-socket", daemon.adminSocket().toString()));
        List<String> prefix = RealUid.isRoot()
                ? List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups")
                : List.of();
        return OvsQosJar.run(dir, prefix, Map.of(), all);
    }

    private static List<String> fieldNames(JsonNode row) {
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
