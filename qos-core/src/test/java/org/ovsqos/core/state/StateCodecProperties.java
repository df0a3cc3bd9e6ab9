package org.ovsqos.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.policy.InterfaceState;
import org.ovsqos.core.policy.Observation;
import org.ovsqos.core.policy.StateRecord;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Fuzzing the reader: random bytes, every kind of cut and corruption of valid files, and
 * records whose fields hold values of the wrong type. It never throws, and damage never
 * invents a record.
 */
class StateCodecProperties {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void randomBytesNeverThrow() {
        qt().withExamples(2000).forAll(bytes(500)).checkAssert(bytes -> {
            DecodedState d = StateCodec.decode(bytes);

            // A record needs an object keyed by a name holding an object: noise never makes one.
            assertThat(d.records()).isEmpty();
            // Whatever is not a JSON document at all is reported, never taken as an empty state.
            if (!isJson(bytes)) {
                assertThat(d.problems()).isNotEmpty();
            }
        });
    }

    @Test
    void anyRecordsRoundTripExactly() {
        qt().withExamples(300).forAll(records()).checkAssert(records -> {
            DecodedState d = StateCodec.decode(StateCodec.encode(records));

            assertThat(d.problems()).isEmpty();
            assertThat(d.records()).containsExactlyElementsOf(records);
        });
    }

    @Test
    void aTruncatedFileKeepsOnlyIntactRecordsAndSaysSo() {
        qt().withExamples(300).forAll(records(), integers().between(0, 999_999)).checkAssert((records, cutPer1M) -> {
            byte[] full = StateCodec.encode(records);
            int cut = (int) ((long) full.length * cutPer1M / 1_000_000);

            DecodedState d = StateCodec.decode(Arrays.copyOf(full, cut));

            assertThat(records).containsAll(d.records());
            assertThat(records.subList(0, d.records().size())).isEqualTo(d.records());
            assertThat(d.problems()).isNotEmpty();
        });
    }

    @Test
    void aCorruptedFileNeverThrows() {
        qt().withExamples(500)
                .forAll(records(), integers().between(0, 1_000_000), anyByte(), integers().between(0, 2))
                .checkAssert((records, at, garbage, kind) -> {
                    DecodedState d = StateCodec.decode(corrupt(StateCodec.encode(records), at, garbage, kind));

                    assertThat(d.records()).extracting(StateRecord::iface).doesNotHaveDuplicates();
                    // One damaged place can spoil or alter the record it falls in, never add one.
                    assertThat(d.records().size()).isLessThanOrEqualTo(records.size());
                    assertThat(d.records().stream().filter(r -> !records.contains(r)).count()).isLessThanOrEqualTo(1);
                });
    }

    private static byte[] corrupt(byte[] full, int at, byte garbage, int kind) {
        int i = (int) ((long) Math.max(0, full.length - 1) * at / 1_000_000);
        return switch (kind) {
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
    }

    @Test
    void recordsOfWrongTypesNeverThrow() {
        qt().withExamples(1000).forAll(wildRecords()).checkAssert(record -> {
            DecodedState d = StateCodec.decode(("{\"version\": 1, \"interfaces\": {\"kvm1.0\": " + record
                    + ", \"kvm2.0\": {\"stage\": 0}}}").getBytes(StandardCharsets.UTF_8));

            assertThat(d.records()).extracting(StateRecord::iface).endsWith("kvm2.0");
            assertThat(d.records().size() == 2 || !d.problems().isEmpty()).isTrue();
        });
    }

    @Test
    void oldScriptRecordsOfWrongTypesNeverThrow() {
        qt().withExamples(500).forAll(wildOldRecords()).checkAssert(record -> {
            DecodedState d = StateCodec.decode(("{\"kvm1.0\": " + record + "}").getBytes(StandardCharsets.UTF_8));

            assertThat(d.records().size()).isLessThanOrEqualTo(1);
        });
    }

    private static boolean isJson(byte[] bytes) {
        try (JsonParser parser = JSON.createParser(bytes)) {
            JsonNode root = JSON.readTree(parser);
            return root != null && !root.isMissingNode() && parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    // --- generators ---

    private static Gen<Byte> anyByte() {
        return Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0);
    }

    private static Gen<byte[]> bytes(int maxLength) {
        return Generate.byteArrays(integers().between(0, maxLength), anyByte());
    }

    private static Gen<Instant> instants() {
        return longs().between(0, 4_102_444_800L).zip(integers().between(0, 999_999_999), Instant::ofEpochSecond);
    }

    /** Non-negative longs over every order of magnitude, and the largest now and then. */
    private static Gen<Long> counters() {
        Gen<Long> spread = integers().between(1, 63).flatMap(bits -> longs().between(0, Long.MAX_VALUE >>> (63 - bits)));
        return Generate.frequency(List.of(Pair.of(19, spread), Pair.of(1, Generate.constant(Long.MAX_VALUE))));
    }

    static Gen<List<StateRecord>> records() {
        Gen<Optional<Observation>> baselines = counters().zip(instants(), Observation::new).toOptionals(25);
        // Rates as a person reads them, to two decimals; an idle interface's exact zero often.
        Gen<Double> mbps = Generate.oneOf(Generate.constant(0.0),
                longs().between(0, 1_000_000_000L).map(n -> n / 100.0));
        Gen<InterfaceState> states = integers().between(0, 6).zip(instants(), instants().toOptionals(25),
                baselines, mbps, (tier, until, over, base, rate) -> new InterfaceState(tier,
                        tier == 0 ? Optional.empty() : Optional.of(until), over, base, rate));
        Gen<OptionalLong> bases = Generate.oneOf(Generate.constant(OptionalLong.empty()),
                longs().between(1, QosConfig.MAX_BASE_KBPS).map(OptionalLong::of));
        Gen<String> names = Generate.oneOf(
                integers().between(0, 99_999).map(n -> "kvm" + n + "." + (n % 3)),
                text(1, 12));
        Gen<StateRecord> record = names.zip(states, bases, StateRecord::new);
        return lists().of(record).ofSizeBetween(0, 8).map(rs -> {
            Map<String, StateRecord> unique = new LinkedHashMap<>();
            rs.forEach(r -> unique.putIfAbsent(r.iface(), r));
            return List.copyOf(unique.values());
        });
    }

    /**
     * Any text that UTF-8 can carry: ASCII often, the rest of the BMP and the supplementary
     * planes too, but never a lone surrogate (no file can hold one, so it would test nothing).
     */
    private static Gen<String> text(int minLength, int maxLength) {
        Gen<Integer> codePoints = Generate.frequency(List.of(
                Pair.of(2, integers().between(0, 0x7F)),
                Pair.of(1, integers().between(0x80, 0xFFFF - 0x800)),
                Pair.of(1, integers().between(0x80, Character.MAX_CODE_POINT - 0x800))))
                .map(cp -> cp >= Character.MIN_SURROGATE ? cp + 0x800 : cp);
        return lists().of(codePoints).ofSizeBetween(minLength, maxLength).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString();
        });
    }

    private static Gen<String> wildValues() {
        return Generate.pick(List.of("null", "true", "-1", "0", "1", "2", "3", "1.5", "1e400", "-1e400",
                "99999999999999999999999", "1735725600.5", "\"\"", "\"x\"", "\"2025-01-01T10:00:00Z\"",
                "\"+999999999-12-31T23:59:59Z\"", "\"2025-13-01T00:00:00Z\"", "[]", "{}", "[1, {\"a\": 2}]"));
    }

    static Gen<String> wildRecords() {
        return wild(List.of("stage", "penalty_until", "over_since", "last_rx_bytes", "last_observed_at",
                "last_mbps", "base_kbps", "other"));
    }

    static Gen<String> wildOldRecords() {
        return wild(List.of("stage", "stage_until", "cond1_start", "cond2_start", "last_rx_bytes",
                "last_ts", "last_mbps", "current_rate_kbps"));
    }

    private static Gen<String> wild(List<String> fields) {
        Gen<String> entry = Generate.pick(fields).zip(wildValues(), (k, v) -> "\"" + k + "\": " + v);
        Gen<String> object = lists().of(entry).ofSizeBetween(0, 8).map(es -> "{" + String.join(", ", es) + "}");
        return Generate.frequency(List.of(Pair.of(3, object), Pair.of(1, wildValues())));
    }
}
