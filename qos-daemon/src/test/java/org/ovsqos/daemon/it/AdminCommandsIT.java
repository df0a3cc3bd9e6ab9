package org.ovsqos.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.daemon.it.PolicingIT.BASE;
import static org.ovsqos.daemon.it.PolicingIT.ESCALATION;
import static org.ovsqos.daemon.it.PolicingIT.SATURATING_MBPS;
import static org.ovsqos.daemon.it.PolicingIT.TIER1;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client verbs of the command-line contract, run as {@code java -jar ovs-qos.jar ...} against the real daemon. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AdminCommandsIT {
    /** The fields of {@code list --json} the contract names, no more, no fewer. */
    static final Set<String> LIST_FIELDS = Set.of("interface", "stage", "limit_kbps", "burst_kb", "base_kbps",
            "penalty_until", "remaining_seconds", "last_mbps", "now_mbps", "present");
    private static final int NOBODY = 65534;

    private static OvsHost host;

    @TempDir
    Path dir;

    private Bridge bridge;
    private DaemonProcess daemon;

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
        if (daemon != null) {
            daemon.close();
        }
        if (bridge != null) {
            bridge.close();
        }
    }

    private DaemonProcess.Launch daemon(QosConfigFile config) {
        config.writeTo(dir.resolve("config.json"));
        return DaemonProcess.in(dir, host.db());
    }

    /** Saturates the guest until tier 1, then lets it idle; returns its {@code penalty_until}. */
    private long penalise(String iface) {
        host.traffic().play(iface, SATURATING_MBPS);
        bridge.awaitPolicing(iface, TIER1, ESCALATION);
        host.traffic().idle(iface);
        return daemon.awaitStage(iface, 1, Bridge.PROMPTLY).get("penalty_until").asLong();
    }

    @Test
    void dryRunDecidesAndReportsButWritesNothing() {
        bridge = host.bridge("br-dry");
        bridge.addPort("kvm301.0");
        daemon = daemon(QosConfigFile.compressed()).dryRun().startReady();

        host.traffic().play("kvm301.0", SATURATING_MBPS);
        JsonNode row = daemon.awaitStage("kvm301.0", 1, ESCALATION);
        host.traffic().idle("kvm301.0");

        assertThat(row.get("limit_kbps").asLong()).isEqualTo(90_000);
        assertThat(row.get("burst_kb").asLong()).isEqualTo(9_000);
        assertThat(bridge.policing("kvm301.0")).isEqualTo(Policing.UNTOUCHED);
        assertThat(daemon.logLines("iface=kvm301.0 action=would-set limit_kbps=100000 burst_kb=10000 dry_run=true"))
                .hasSize(1);
        assertThat(daemon.awaitLog("iface=kvm301.0 action=would-set limit_kbps=90000"))
                .contains("burst_kb=9000 dry_run=true");
        assertThat(daemon.statusJson().get("dry_run").asBoolean()).isTrue();
        assertThat(bridge.policing("kvm301.0")).isEqualTo(Policing.UNTOUCHED);
    }

    @Test
    void dryRunReportsAnExternalChangeWithoutClaimingToRestoreIt() {
        bridge = host.bridge("br-drydrift");
        bridge.addPort("kvm308.0");
        daemon = daemon(QosConfigFile.compressed()).dryRun().startReady();

        bridge.set("kvm308.0", "ingress_policing_rate=5000");

        String drift = daemon.awaitLog("iface=kvm308.0 event=drift");
        assertThat(drift).contains("ingress_policing_rate=5000 ").contains("expected_rate=100000")
                .contains("dry_run=true").doesNotContain("action=restore");
        assertThat(bridge.policing("kvm308.0")).isEqualTo(Policing.of(5_000, 0));
    }

    @Test
    void releaseOfAnInterfaceNotYetSampledSaysItIsNotPenalised() {
        bridge = host.bridge("br-fresh");
        // No tick within the test: the interface is policed from its row event alone.
        daemon = daemon(QosConfigFile.compressed().withIntervalSec(600)).startReady();
        bridge.addPort("kvm309.0");
        bridge.awaitPolicing("kvm309.0", BASE);

        OvsQosJar.Result released = daemon.cli("release", "kvm309.0");

        assertThat(released.exitCode()).as(released.toString()).isZero();
        assertThat(released.stdout()).contains("kvm309.0 is not penalised");
    }

    @Test
    void releaseEndsAPenaltyAndRestoresTheBase() {
        bridge = host.bridge("br-release");
        bridge.addPort("kvm302.0");
        daemon = daemon(QosConfigFile.compressed().withPenalties(120, 4)).startReady();
        penalise("kvm302.0");

        OvsQosJar.Result released = daemon.cli("release", "kvm302.0");

        assertThat(released.exitCode()).as(released.toString()).isZero();
        assertThat(released.stdout()).contains("released kvm302.0").contains("100000 kbps");
        bridge.awaitPolicing("kvm302.0", BASE);
        JsonNode row = daemon.view("kvm302.0").orElseThrow();
        assertThat(row.get("stage").asInt()).isZero();
        assertThat(row.get("penalty_until").isNull()).isTrue();
        assertThat(daemon.logLines("iface=kvm302.0 stage=1->0 reason=released")).hasSize(1);

        OvsQosJar.Result unknown = daemon.cli("release", "kvm999.0");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(1);
        assertThat(unknown.stderr()).contains("kvm999.0");
    }

    @Test
    void reloadAppliesTheNewConfigAndKeepsThePenalty() {
        bridge = host.bridge("br-reload");
        bridge.addPort("kvm303.0");
        bridge.addPort("kvm303.1");
        QosConfigFile config = QosConfigFile.compressed().withPenalties(120, 4);
        daemon = daemon(config).startReady();
        bridge.awaitPolicing("kvm303.1", BASE);
        long penaltyUntil = penalise("kvm303.0");

        config.withBaseMbit(200).writeTo(daemon.files().config());
        OvsQosJar.Result reloaded = daemon.cli("reload");

        assertThat(reloaded.exitCode()).as(reloaded.toString()).isZero();
        bridge.awaitPolicing("kvm303.0", Policing.of(180_000, 18_000));
        bridge.awaitPolicing("kvm303.1", Policing.of(200_000, 20_000));
        JsonNode row = daemon.view("kvm303.0").orElseThrow();
        assertThat(row.get("stage").asInt()).isEqualTo(1);
        assertThat(row.get("penalty_until").asLong()).isEqualTo(penaltyUntil);
        assertThat(row.get("base_kbps").asLong()).isEqualTo(200_000);
    }

    @Test
    void aReloadOfAnUnusableFileKeepsTheRunningConfig() throws IOException {
        bridge = host.bridge("br-badreload");
        bridge.addPort("kvm304.0");
        daemon = daemon(QosConfigFile.compressed()).startReady();
        bridge.awaitPolicing("kvm304.0", BASE);

        Files.writeString(daemon.files().config(), "{\"base_rate_mbit\": 200,");
        OvsQosJar.Result reloaded = daemon.cli("reload");

        assertThat(reloaded.exitCode()).as(reloaded.toString()).isEqualTo(1);
        assertThat(reloaded.stderr()).contains("unusable");
        assertThat(daemon.isAlive()).isTrue();
        assertThat(bridge.policing("kvm304.0")).isEqualTo(BASE);
        assertThat(daemon.view("kvm304.0").orElseThrow().get("base_kbps").asLong()).isEqualTo(100_000);
    }

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
