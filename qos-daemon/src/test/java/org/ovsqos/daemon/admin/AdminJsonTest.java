package org.ovsqos.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminJsonTest {
    private static final Instant NOW = FakeAdminHandler.NOW;

    @Test
    void listEntriesCarryExactlyTheContractFields() {
        ArrayNode array = AdminJson.interfaces(new FakeAdminHandler().views, NOW);

        assertThat(array).hasSize(2);
        for (JsonNode row : array) {
            assertThat(iterable(row.fieldNames())).containsExactlyInAnyOrder(
                    "interface", "stage", "limit_kbps", "burst_kb", "base_kbps", "penalty_until",
                    "remaining_seconds", "last_mbps", "now_mbps", "present", "vm_id");
        }
    }

    @Test
    void writtenJsonCarriesNoCharacterATerminalWouldObey() throws Exception {
        // ESC, BEL, DEL, C1 CSI, a bidi override, a line separator and a plain non-ASCII letter.
        String name = "kvm1.0\u001b[2J\u0007\u007f\u009b31m\u202e\u2028é";
        AdminJson json = new AdminJson();

        String text = json.text(AdminJson.interfaces(List.of(FakeAdminHandler.idle(name)), NOW));

        assertThat(text.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x202e || c == 0x2028))
                .isEmpty();
        assertThat(text).contains("\\u001B[2J\\u0007\\u007F\\u009B31m\\u202E\\u2028é");
        assertThat(json.parse(text.getBytes(StandardCharsets.UTF_8)).get(0).get("interface").asText()).isEqualTo(name);
        assertThat(new String(json.bytes(AdminJson.message(name)), StandardCharsets.UTF_8)).doesNotContain("\u001b");
    }

    @Test
    void listIsSortedByInterfaceName() {
        ArrayNode array = AdminJson.interfaces(List.of(
                FakeAdminHandler.idle("kvm3.0"), FakeAdminHandler.idle("kvm1.0"), FakeAdminHandler.idle("kvm2.0")), NOW);

        assertThat(array.findValuesAsText("interface")).containsExactly("kvm1.0", "kvm2.0", "kvm3.0");
    }

    @Test
    void penalisedInterfaceHasEpochSecondsAndRemainingTime() {
        InterfaceView v = FakeAdminHandler.penalised("kvm102.0", 2, NOW.plusSeconds(723).plusMillis(400));

        JsonNode row = AdminJson.toJson(v, NOW);

        assertThat(row.get("interface").asText()).isEqualTo("kvm102.0");
        assertThat(row.get("stage").isInt()).isTrue();
        assertThat(row.get("stage").asInt()).isEqualTo(2);
        assertThat(row.get("limit_kbps").asLong()).isEqualTo(800_000);
        assertThat(row.get("burst_kb").asLong()).isEqualTo(80_000);
        assertThat(row.get("base_kbps").asLong()).isEqualTo(1_000_000);
        assertThat(row.get("penalty_until").isIntegralNumber()).isTrue();
        assertThat(row.get("penalty_until").asLong()).isEqualTo(NOW.getEpochSecond() + 723);
        assertThat(row.get("remaining_seconds").asLong()).isEqualTo(724); // rounded up
        assertThat(row.get("last_mbps").isNumber()).isTrue();
        assertThat(row.get("last_mbps").asDouble()).isEqualTo(912.4);
        assertThat(row.get("now_mbps").isNull()).isTrue();
        assertThat(row.get("present").isBoolean()).isTrue();
        assertThat(row.get("present").asBoolean()).isFalse();
        assertThat(row.get("vm_id").isNull()).as("an absent row has no external_ids").isTrue();
    }

    @Test
    void interfaceWithoutPenaltyHasNullPenaltyFields() {
        JsonNode row = AdminJson.toJson(FakeAdminHandler.idle("kvm101.0"), NOW);

        assertThat(row.get("penalty_until").isNull()).isTrue();
        assertThat(row.get("remaining_seconds").isNull()).isTrue();
        assertThat(row.get("now_mbps").asDouble()).isEqualTo(13.25);
        assertThat(row.get("vm_id").asText()).isEqualTo("5d3f1a2e-7c41-4b8e-9a06-2f1c3b4d5e6f");
    }

    @Test
    void expiredPenaltyShowsZeroRemaining() {
        JsonNode row = AdminJson.toJson(FakeAdminHandler.penalised("kvm9.0", 1, NOW.minusSeconds(5)), NOW);

        assertThat(row.get("remaining_seconds").asLong()).isZero();
    }

    @Test
    void listSurvivesTheRoundTripExceptForSubSecondPrecision() {
        List<InterfaceView> views = new FakeAdminHandler().views;

        List<InterfaceView> back = AdminJson.interfacesFromJson(AdminJson.interfaces(views, NOW));

        assertThat(back).containsExactly(views.get(1), views.get(0));
    }

    @Test
    void statusSurvivesTheRoundTripAndReportsUptime() {
        DaemonStatus status = FakeAdminHandler.sampleStatus();

        JsonNode json = AdminJson.toJson(status, NOW);

        assertThat(json.get("uptime_seconds").asLong()).isEqualTo(7200);
        assertThat(json.at("/ovsdb/state").asText()).isEqualTo("connected");
        assertThat(json.at("/penalties_by_tier/2").asInt()).isEqualTo(1);
        assertThat(AdminJson.statusFromJson(json)).isEqualTo(status);
    }

    @Test
    void statusCarriesTheStateFilesLastSaveAndError() {
        DaemonStatus base = FakeAdminHandler.sampleStatus();
        DaemonStatus status = new DaemonStatus(base.version(), base.pid(), base.startedAt(), base.ovsdb(),
                base.managedInterfaces(), base.lastTick(), base.penaltiesByTier(), base.configPath(), base.dryRun(),
                Optional.of(new StateFileStatus("/run/ovs-qos/state.json",
                        Optional.of(NOW.minusSeconds(60)), Optional.of("Read-only file system"))));

        JsonNode json = AdminJson.toJson(status, NOW);

        assertThat(json.at("/state_file/path").asText()).isEqualTo("/run/ovs-qos/state.json");
        assertThat(json.at("/state_file/last_saved").asLong()).isEqualTo(NOW.getEpochSecond() - 60);
        assertThat(json.at("/state_file/error").asText()).isEqualTo("Read-only file system");
        assertThat(AdminJson.statusFromJson(json)).isEqualTo(status);
    }

    @Test
    void aStatusWithoutStateFileFactsStillParses() {
        JsonNode json = AdminJson.toJson(FakeAdminHandler.sampleStatus(), NOW);

        assertThat(json.has("state_file")).isFalse();
        assertThat(AdminJson.statusFromJson(json).stateFile()).isEmpty();
    }

    @Test
    void anOutageSurvivesTheRoundTripWithItsFailedAttempts() {
        DaemonStatus sample = FakeAdminHandler.sampleStatus();
        DaemonStatus down = new DaemonStatus(sample.version(), sample.pid(), sample.startedAt(),
                new OvsdbLink(ConnectionState.UNRESPONSIVE, "unix:/run/openvswitch/db.sock",
                        Optional.of(NOW.minusSeconds(90)), Optional.of("inactivity probe unanswered"), 3),
                sample.managedInterfaces(), sample.lastTick(), sample.penaltiesByTier(), sample.configPath(),
                sample.dryRun());

        JsonNode json = AdminJson.toJson(down, NOW);

        assertThat(json.at("/ovsdb/state").asText()).isEqualTo("unresponsive");
        assertThat(json.at("/ovsdb/since").asLong()).isEqualTo(NOW.minusSeconds(90).getEpochSecond());
        assertThat(json.at("/ovsdb/failed_attempts").asInt()).isEqualTo(3);
        assertThat(AdminJson.statusFromJson(json)).isEqualTo(down);
    }

    private static Set<String> iterable(java.util.Iterator<String> names) {
        Set<String> set = new java.util.HashSet<>();
        names.forEachRemaining(set::add);
        return set;
    }
}
