package org.ovsqos.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.ovsqos.core.policy.InterfaceState;
import org.ovsqos.core.policy.StateRecord;

/**
 * What bounds the work and the heap one state file can cost: its size, its number of records, the
 * size of one record, the length of a string, and the number of problems listed.
 */
class StateLimitsTest {

    private static DecodedState decode(String text) {
        return StateCodec.decode(text.getBytes(StandardCharsets.UTF_8));
    }

    private static StateRecord penalised(String iface) {
        return new StateRecord(iface, new InterfaceState(1, Optional.of(StateCodecTest.T), Optional.empty(),
                Optional.empty(), 0.0), OptionalLong.empty());
    }

    @Test
    void aFileOverTheByteLimitIsNotReadAtAll() {
        byte[] bytes = new byte[StateCodec.MAX_FILE_BYTES + 1];

        DecodedState d = StateCodec.decode(bytes);

        assertThat(d.records()).isEmpty();
        assertThat(d.complete()).isFalse();
        assertThat(d.problems()).containsExactly("the state file is " + bytes.length
                + " bytes, over the limit of " + StateCodec.MAX_FILE_BYTES + "; nothing read");
    }

    @Test
    void theLargestFileTheDaemonWritesForItsSizingFitsTheLimits() {
        List<StateRecord> records = new ArrayList<>();
        for (int i = 0; i < StateCodec.MAX_RECORDS; i++) {
            // Every field set, and names longer than Linux allows (15 characters).
            records.add(new StateRecord(String.format("kvm%07d.long-name", i), StateCodecTest.PENALISED.state(),
                    StateCodecTest.PENALISED.baseKbps()));
        }

        byte[] bytes = StateCodec.encode(records);
        DecodedState d = StateCodec.decode(bytes);

        assertThat(bytes.length).isLessThanOrEqualTo(StateCodec.MAX_FILE_BYTES);
        assertThat(d.complete()).isTrue();
        assertThat(d.problems()).isEmpty();
        assertThat(d.records()).hasSize(StateCodec.MAX_RECORDS);
    }

    @Test
    void readingStopsAtTheRecordLimitKeepingTheFirstOnesAndSayingSo() {
        StringBuilder file = new StringBuilder("{\"version\": 1, \"interfaces\": {");
        for (int i = 0; i <= StateCodec.MAX_RECORDS; i++) {
            file.append(i == 0 ? "" : ",").append("\"kvm").append(i).append(".0\": {\"stage\": 0}");
        }
        DecodedState d = decode(file.append("}}").toString());

        assertThat(d.records()).hasSize(StateCodec.MAX_RECORDS);
        assertThat(d.records().get(0).iface()).isEqualTo("kvm0.0");
        assertThat(d.complete()).isFalse();
        assertThat(d.problems()).containsExactly("the state file holds more records than the limit of "
                + StateCodec.MAX_RECORDS + "; the rest were not read");
    }

    @Test
    void aValueLargerThanARecordCanBeIsDroppedAndTheRestRead() {
        String huge = "[" + "{},".repeat(100_000) + "{}]";
        DecodedState d = decode("{\"version\": 1, \"interfaces\": {\"kvm1.0\": " + huge
                + ", \"kvm2.0\": {\"stage\": 1, \"penalty_until\": \"2025-01-01T10:00:00Z\"}}}");

        assertThat(d.records()).containsExactly(penalised("kvm2.0"));
        assertThat(d.complete()).isTrue();
        assertThat(d.problems()).containsExactly(
                "kvm1.0: larger than a record can be (over 64 JSON tokens); record dropped");
    }

    @Test
    void aRecordOfTheOldFormatOrAVersionIsBoundedToo() {
        String huge = "{\"x\": [" + "0,".repeat(1000) + "0]}";
        DecodedState d = decode("{\"kvm1.0\": " + huge + ", \"version\": [" + "1,".repeat(1000) + "1]}");

        assertThat(d.records()).isEmpty();
        assertThat(d.problems()).contains(
                "kvm1.0: larger than a record can be (over 64 JSON tokens); record dropped",
                "version is not a number; read as version 1");
    }

    @Test
    void aStringLongerThanAnyInterfaceNameIsDamage() {
        DecodedState d = decode("{\"version\": 1, \"interfaces\": {"
                + "\"kvm1.0\": {\"stage\": 1, \"penalty_until\": \"2025-01-01T10:00:00Z\"},"
                + "\"" + "x".repeat(StateCodec.MAX_STRING_CHARS + 1) + "\": {\"stage\": 0}}}");

        assertThat(d.records()).containsExactly(penalised("kvm1.0"));
        assertThat(d.problems()).singleElement().asString().startsWith("the state file is damaged (")
                .endsWith("kept the 1 record(s) read before the damage");
    }

    @Test
    void listsAtMostTheProblemLimitAndCountsTheRestButKeepsTheVerdictOnTheFile() {
        StringBuilder file = new StringBuilder("{\"version\": 1, \"interfaces\": {");
        for (int i = 0; i < 200; i++) {
            file.append("\"kvm").append(i).append(".0\": 7,");
        }
        DecodedState d = decode(file.append("\"kvm999.0\": {\"sta").toString());

        assertThat(d.problems()).hasSize(StateCodec.MAX_PROBLEMS + 2);
        assertThat(d.problems().get(0)).isEqualTo("kvm0.0: is a number, not an object; record dropped");
        assertThat(d.problems().get(StateCodec.MAX_PROBLEMS)).startsWith("the state file is damaged (");
        assertThat(d.problems().get(StateCodec.MAX_PROBLEMS + 1))
                .isEqualTo("and " + (200 - StateCodec.MAX_PROBLEMS) + " more problem(s), not listed");
    }
}
