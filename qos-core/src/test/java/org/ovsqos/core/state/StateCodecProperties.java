package org.ovsqos.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.policy.InterfaceState;
import org.ovsqos.core.policy.Observation;
import org.ovsqos.core.policy.StateRecord;

/**
 * Fuzzing the reader: random bytes, every kind of cut and corruption of valid files, and
 * records whose fields hold values of the wrong type. It never throws, and damage never
 * invents a record.
 */
class StateCodecProperties {

    @Property(tries = 2000)
    void randomBytesNeverThrow(@ForAll @Size(max = 500) byte[] bytes) {
        DecodedState d = StateCodec.decode(bytes);

        assertThat(d.records()).isNotNull();
        assertThat(d.problems()).isNotNull();
    }

    @Property(tries = 300)
    void anyRecordsRoundTripExactly(@ForAll("records") List<StateRecord> records) {
        DecodedState d = StateCodec.decode(StateCodec.encode(records));

        assertThat(d.problems()).isEmpty();
        assertThat(d.records()).containsExactlyElementsOf(records);
    }

    @Property(tries = 300)
    void aTruncatedFileKeepsOnlyIntactRecordsAndSaysSo(@ForAll("records") List<StateRecord> records,
            @ForAll @IntRange(min = 0, max = 999_999) int cutPer1M) {
        byte[] full = StateCodec.encode(records);
        int cut = (int) ((long) full.length * cutPer1M / 1_000_000);

        DecodedState d = StateCodec.decode(Arrays.copyOf(full, cut));

        assertThat(records).containsAll(d.records());
        assertThat(records.subList(0, d.records().size())).isEqualTo(d.records());
        assertThat(d.problems()).isNotEmpty();
    }

    @Property(tries = 500)
    void aCorruptedFileNeverThrows(@ForAll("records") List<StateRecord> records,
            @ForAll @IntRange(min = 0, max = 1_000_000) int at, @ForAll byte garbage,
            @ForAll("corruptions") int kind) {
        byte[] full = StateCodec.encode(records);
        int i = (int) ((long) Math.max(0, full.length - 1) * at / 1_000_000);
        byte[] damaged = switch (kind) {
            case 0 -> { // overwrite one byte
                byte[] b = full.clone();
                b[i] = garbage;
                yield b;
            }
            case 1 -> { // drop one byte
                byte[] b = new byte[full.length - 1];
                System.arraycopy(full, 0, b, 0, i);
                System.arraycopy(full, i + 1, b, i, full.length - i - 1);
                yield b;
            }
            default -> { // splice in a digit run, a huge number
                String s = new String(full, StandardCharsets.UTF_8);
                int j = Math.min(i, s.length());
                yield (s.substring(0, j) + "9".repeat(400) + s.substring(j)).getBytes(StandardCharsets.UTF_8);
            }
        };

        DecodedState d = StateCodec.decode(damaged);

        assertThat(d.records()).extracting(StateRecord::iface).doesNotHaveDuplicates();
    }

    @Property(tries = 1000)
    void recordsOfWrongTypesNeverThrow(@ForAll("wildRecords") String record) {
        DecodedState d = StateCodec.decode(("{\"version\": 1, \"interfaces\": {\"kvm1.0\": " + record
                + ", \"kvm2.0\": {\"stage\": 0}}}").getBytes(StandardCharsets.UTF_8));

        assertThat(d.records()).extracting(StateRecord::iface).endsWith("kvm2.0");
        assertThat(d.records().size() == 2 || !d.problems().isEmpty()).isTrue();
    }

    @Property(tries = 500)
    void oldScriptRecordsOfWrongTypesNeverThrow(@ForAll("wildOldRecords") String record) {
        DecodedState d = StateCodec.decode(("{\"kvm1.0\": " + record + "}").getBytes(StandardCharsets.UTF_8));

        assertThat(d.records().size()).isLessThanOrEqualTo(1);
    }

    // --- generators ---

    @Provide
    Arbitrary<Integer> corruptions() {
        return Arbitraries.integers().between(0, 2);
    }

    private static Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.longs().between(0, 4_102_444_800L),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<List<StateRecord>> records() {
        Arbitrary<Optional<Observation>> baselines = Combinators.combine(
                        Arbitraries.longs().greaterOrEqual(0), instants()).as(Observation::new)
                .optional();
        Arbitrary<InterfaceState> states = Combinators.combine(
                Arbitraries.integers().between(0, 6), instants(), instants().optional(), baselines,
                Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.doubles().between(0, 1e7)))
                .as((tier, until, over, base, mbps) -> new InterfaceState(tier,
                        tier == 0 ? Optional.empty() : Optional.of(until), over, base, mbps));
        Arbitrary<OptionalLong> bases = Arbitraries.oneOf(Arbitraries.just(OptionalLong.empty()),
                Arbitraries.longs().between(1, QosConfig.MAX_BASE_KBPS).map(OptionalLong::of));
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 99_999).map(n -> "kvm" + n + "." + (n % 3)),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(12));
        return Combinators.combine(names, states, bases).as(StateRecord::new)
                .list().ofMaxSize(8).uniqueElements(StateRecord::iface);
    }

    private static Arbitrary<String> wildValues() {
        return Arbitraries.of("null", "true", "-1", "0", "1", "2", "3", "1.5", "1e400", "-1e400",
                "99999999999999999999999", "1735725600.5", "\"\"", "\"x\"", "\"2025-01-01T10:00:00Z\"",
                "\"+999999999-12-31T23:59:59Z\"", "\"2025-13-01T00:00:00Z\"", "[]", "{}", "[1, {\"a\": 2}]");
    }

    @Provide
    Arbitrary<String> wildRecords() {
        return wild(List.of("stage", "penalty_until", "over_since", "last_rx_bytes", "last_observed_at",
                "last_mbps", "base_kbps", "other"));
    }

    @Provide
    Arbitrary<String> wildOldRecords() {
        return wild(List.of("stage", "stage_until", "cond1_start", "cond2_start", "last_rx_bytes",
                "last_ts", "last_mbps", "current_rate_kbps"));
    }

    private static Arbitrary<String> wild(List<String> fields) {
        Arbitrary<String> entry = Combinators.combine(Arbitraries.of(fields), wildValues())
                .as((k, v) -> "\"" + k + "\": " + v);
        Arbitrary<String> object = entry.list().ofMaxSize(8).map(es -> "{" + String.join(", ", es) + "}");
        return Arbitraries.oneOf(object, object, object, wildValues());
    }
}
