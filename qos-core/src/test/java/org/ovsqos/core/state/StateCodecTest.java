package org.ovsqos.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ovsqos.core.policy.InterfaceState;
import org.ovsqos.core.policy.Observation;
import org.ovsqos.core.policy.StateRecord;

/** The state file: versioned JSON, read record by record, never throwing. */
class StateCodecTest {

    static final Instant T = Instant.parse("2025-01-01T10:00:00Z");

    static final StateRecord PENALISED = new StateRecord("kvm101.0",
            new InterfaceState(2, Optional.of(T.plusSeconds(3600)), Optional.empty(),
                    Optional.of(new Observation(123_456_789L, T.minusMillis(1500))), 912.4),
            OptionalLong.of(1_000_000));
    static final StateRecord TIMING = new StateRecord("kvm102.0",
            new InterfaceState(0, Optional.empty(), Optional.of(T.minusSeconds(600)),
                    Optional.of(new Observation(0, T.plusNanos(1))), 0.0),
            OptionalLong.of(100_000));
    static final StateRecord ABSENT = new StateRecord("kvm103.1",
            new InterfaceState(1, Optional.of(T.plusSeconds(60)), Optional.empty(), Optional.empty(), 5e-3),
            OptionalLong.empty());

    private static DecodedState decode(String singleQuoted) {
        return StateCodec.decode(singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyRecordRoundTripsIncludingAbsentPenalisedInterfaces() {
        List<StateRecord> records = List.of(PENALISED, TIMING, ABSENT);

        DecodedState d = StateCodec.decode(StateCodec.encode(records));

        assertThat(d.problems()).isEmpty();
        assertThat(d.records()).containsExactlyElementsOf(records);
        assertThat(d.oldScriptFormat()).isFalse();
    }

    @Test
    void theFileIsVersionedJsonWithOneObjectPerInterface() throws Exception {
        JsonNode root = new ObjectMapper().readTree(StateCodec.encode(List.of(PENALISED, ABSENT)));

        assertThat(root.get("version").intValue()).isEqualTo(1);
        assertThat(root.get("interfaces").size()).isEqualTo(2);
        JsonNode r = root.get("interfaces").get("kvm101.0");
        assertThat(r.get("stage").intValue()).isEqualTo(2);
        assertThat(r.get("penalty_until").textValue()).isEqualTo("2025-01-01T11:00:00Z");
        assertThat(r.has("over_since")).isFalse();
        assertThat(r.get("last_rx_bytes").longValue()).isEqualTo(123_456_789L);
        assertThat(r.get("last_observed_at").textValue()).isEqualTo("2025-01-01T09:59:58.500Z");
        assertThat(r.get("last_mbps").doubleValue()).isEqualTo(912.4);
        assertThat(r.get("base_kbps").longValue()).isEqualTo(1_000_000);
        assertThat(root.get("interfaces").get("kvm103.1").has("base_kbps")).isFalse();
    }

    @Test
    void aBadRecordIsDroppedWithAReasonAndTheGoodOnesKept() {
        DecodedState d = decode("{'version': 1, 'interfaces': {"
                + "'kvm1.0': {'stage': 'x'},"
                + "'kvm2.0': {'stage': 2},"
                + "'kvm3.0': {'stage': 1, 'penalty_until': 'yesterday'},"
                + "'kvm4.0': [1, 2],"
                + "'kvm5.0': {'stage': 1, 'penalty_until': '2025-01-01T11:00:00Z'},"
                + "'kvm6.0': {'stage': 1001, 'penalty_until': '2025-01-01T11:00:00Z'},"
                + "'': {'stage': 0}}}");

        assertThat(d.records()).extracting(StateRecord::iface).containsExactly("kvm5.0");
        assertThat(d.problems()).containsExactly(
                "kvm1.0: stage \"x\" is not a whole number from 0 to 1000; record dropped",
                "kvm2.0: penalty_until (missing) is not a time, and stage 2 needs one; record dropped",
                "kvm3.0: penalty_until \"yesterday\" is not a time, and stage 1 needs one; record dropped",
                "kvm4.0: is an array, not an object; record dropped",
                "kvm6.0: stage 1001 is not a whole number from 0 to 1000; record dropped",
                "a record with an empty interface name was dropped");
    }

    @Test
    void aBadOptionalFieldCostsOnlyThatField() {
        DecodedState d = decode("{'version': 1, 'interfaces': {'kvm1.0': {'stage': 1,"
                + " 'penalty_until': '2025-01-01T11:00:00Z', 'over_since': 17,"
                + " 'last_rx_bytes': -5, 'last_observed_at': '2025-01-01T10:00:00Z',"
                + " 'last_mbps': 'fast', 'base_kbps': 0, 'future_field': {'x': 1}}}}");

        assertThat(d.records()).containsExactly(new StateRecord("kvm1.0",
                new InterfaceState(1, Optional.of(T.plusSeconds(3600)), Optional.of(Instant.ofEpochSecond(17)),
                        Optional.empty(), 0.0), OptionalLong.empty()));
        assertThat(d.problems()).containsExactly(
                "kvm1.0: baseline last_rx_bytes=-5 last_observed_at=\"2025-01-01T10:00:00Z\" is not a"
                        + " counter and a time; ignored (measuring starts over)",
                "kvm1.0: last_mbps \"fast\" is not a rate; ignored",
                "kvm1.0: base_kbps 0 is not a base rate in kbps; ignored");
    }

    @Test
    void hugeNumbersAreDamageNotValues() {
        DecodedState d = decode("{'interfaces': {"
                + "'kvm1.0': {'stage': 1e400},"
                + "'kvm2.0': {'stage': 1, 'penalty_until': 1e300},"
                + "'kvm3.0': {'stage': 0, 'last_rx_bytes': 99999999999999999999999,"
                + " 'last_observed_at': '2025-01-01T10:00:00Z', 'last_mbps': 1e400, 'base_kbps': 1e30}},"
                + " 'version': 1}");

        assertThat(d.records()).extracting(StateRecord::iface).containsExactly("kvm3.0");
        assertThat(d.records().get(0).state().baseline()).isEmpty();
        assertThat(d.records().get(0).state().lastMbps()).isZero();
        assertThat(d.records().get(0).baseKbps()).isEmpty();
        assertThat(d.problems()).hasSize(5);
    }

    @Test
    void aFileCutShortKeepsEveryRecordBeforeTheCut() {
        byte[] full = StateCodec.encode(List.of(PENALISED, TIMING, ABSENT));
        String text = new String(full, StandardCharsets.UTF_8);
        int cut = text.indexOf("kvm103.1") + 20;

        DecodedState d = StateCodec.decode(Arrays.copyOf(full, cut));

        assertThat(d.records()).containsExactly(PENALISED, TIMING);
        assertThat(d.problems()).singleElement().asString()
                .startsWith("the state file is damaged (")
                .endsWith("); kept the 2 record(s) read before the damage");
    }

    @Test
    void everyPrefixOfAValidFileIsReadWithoutThrowingKeepingOnlyIntactRecords() {
        List<StateRecord> all = List.of(PENALISED, TIMING, ABSENT);
        byte[] full = StateCodec.encode(all);
        int previous = 0;
        for (int n = 0; n <= full.length; n++) {
            DecodedState d = StateCodec.decode(Arrays.copyOf(full, n));
            assertThat(all).containsAll(d.records());
            assertThat(d.records().size()).as("a longer prefix never loses a record")
                    .isGreaterThanOrEqualTo(previous);
            assertThat(d.problems().isEmpty()).as("only the whole file is clean").isEqualTo(n == full.length);
            previous = d.records().size();
        }
        assertThat(previous).isEqualTo(3);
    }

    @Test
    void theOldScriptsStateFileIsImported() {
        DecodedState d = decode("{'kvm101.0': {'stage': 1, 'stage_until': 1735729200.5,"
                + " 'cond1_start': null, 'cond2_start': 1735725600.0, 'last_rx_bytes': 123,"
                + " 'last_ts': 1735725660.25, 'last_mbps': 12.5, 'current_rate_kbps': 900000},"
                + " 'kvm102.0': {'stage': 0, 'stage_until': 0.0, 'cond1_start': 1735725000,"
                + " 'cond2_start': null, 'last_rx_bytes': 9, 'last_ts': 1735725660, 'last_mbps': 0.0,"
                + " 'current_rate_kbps': 1000000},"
                + " 'kvm103.0': {'stage': 3, 'stage_until': 1735729200}}");

        assertThat(d.records()).containsExactly(
                new StateRecord("kvm101.0", new InterfaceState(1,
                        Optional.of(Instant.parse("2025-01-01T11:00:00.500Z")),
                        Optional.of(T), Optional.of(new Observation(123, Instant.parse("2025-01-01T10:01:00.250Z"))),
                        12.5), OptionalLong.empty()),
                new StateRecord("kvm102.0", new InterfaceState(0, Optional.empty(),
                        Optional.of(Instant.parse("2025-01-01T09:50:00Z")),
                        Optional.of(new Observation(9, Instant.parse("2025-01-01T10:01:00Z"))), 0.0),
                        OptionalLong.empty()));
        assertThat(d.problems()).containsExactly("kvm103.0: stage 3 is not 0, 1 or 2; record dropped");
        assertThat(d.oldScriptFormat()).isTrue();
    }

    @Test
    void aNewerVersionIsReadAsFarAsItIsUnderstood() {
        DecodedState d = decode("{'version': 2, 'written_by': 'ovs-qos 9', 'interfaces': {"
                + "'kvm1.0': {'stage': 0, 'hysteresis': [1, 2]}}}");

        assertThat(d.records()).extracting(StateRecord::iface).containsExactly("kvm1.0");
        assertThat(d.problems()).containsExactly(
                "the state file is version 2, newer than this program's 1; kept the records it could read");
    }

    @Test
    void aRepeatedInterfaceKeepsItsFirstGoodRecord() {
        DecodedState d = decode("{'version': 1, 'interfaces': {'kvm1.0': {'stage': 'bad'},"
                + " 'kvm1.0': {'stage': 0, 'last_mbps': 1}, 'kvm1.0': {'stage': 0, 'last_mbps': 2}}}");

        assertThat(d.records()).singleElement().satisfies(r -> assertThat(r.state().lastMbps()).isEqualTo(1.0));
        assertThat(d.problems()).hasSize(2).last().isEqualTo("kvm1.0: appears more than once; the first record is kept");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "   ", "null", "[]", "42", "'x'", "{", "{'interfaces'", "{'interfaces': 5}",
            "{'interfaces': {'kvm1.0': {'stage': 0}", "{'version': 'one', 'interfaces': {}}", "\u0000\u0001",
            "{'interfaces': {'kvm1.0': {'stage': 0}}} trailing", "[[[[[[[[[[[[[[[[[[[["})
    void garbageNeverThrowsAndSaysWhatWasWrong(String text) {
        DecodedState d = decode(text);

        assertThat(d.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).isNotBlank());
    }

    @Test
    void deeplyNestedJsonIsDamageNotACrash() {
        String deep = "{'interfaces': {'kvm1.0': " + "[".repeat(100_000) + "]".repeat(100_000) + "}}";

        DecodedState d = decode(deep);

        assertThat(d.records()).isEmpty();
        assertThat(d.problems()).singleElement().asString().startsWith("the state file is damaged");
    }
}
