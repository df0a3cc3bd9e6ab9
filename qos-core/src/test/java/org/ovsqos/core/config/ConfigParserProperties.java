package org.ovsqos.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The parser never throws, whatever it is given, and the canonical JSON always reads back. */
class ConfigParserProperties {

    @Test
    void garbageBytesNeverThrowAndAreUnusable() {
        qt().withExamples(1000)
                .forAll(Generate.byteArrays(integers().between(0, 300),
                        Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)))
                .checkAssert(bytes -> assertConsistent(ConfigParser.parse(bytes)));
    }

    @Test
    void anyObjectOfKnownKeysWithAnyValuesNeverThrows() {
        qt().withExamples(500).forAll(objects()).checkAssert(json -> {
            ConfigResult r = ConfigParser.parse(json.getBytes(StandardCharsets.UTF_8));

            assertConsistent(r);
            assertThat(r.problems()).noneMatch(p -> p.key().isEmpty());
        });
    }

    @Test
    void theCanonicalJsonOfAnyConfigReadsBackEqualWithoutProblemsButUnreachableTiers() {
        qt().withExamples(300).forAll(configs()).checkAssert(c -> {
            ConfigResult r = ConfigParser.parse(ConfigParser.toJson(c));

            assertThat(r.problems()).as("only the warnings for tiers no guest can reach")
                    .isEqualTo(TierReach.unreachable(c.tiers(), c.sampleInterval(),
                            i -> "tiers[" + i + "].trigger_seconds"));
            assertThat(r.config()).hasValue(c);
        });
    }

    private static void assertConsistent(ConfigResult r) {
        boolean error = r.problems().stream().anyMatch(p -> p.severity() == Severity.ERROR);
        assertThat(r.config().isPresent()).isNotEqualTo(error);
        assertThat(r.exitCode()).isEqualTo(error ? 2 : r.problems().isEmpty() ? 0 : 1);
        assertThat(r.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }

    // --- generators ---

    private static final String ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    static Gen<String> objects() {
        Gen<String> keys = Generate.oneOf(Generate.pick(Keys.ALL),
                lists().of(integers().between(0, ALPHA.length() - 1)).ofSizeBetween(0, 8)
                        .map(is -> is.stream().map(i -> String.valueOf(ALPHA.charAt(i))).reduce("", String::concat)));
        Gen<String> values = Generate.oneOf(
                Generate.pick(List.of("0", "-1", "0.5", "1", "1e400", "1e-400", "60", "4294967296",
                        "true", "false", "null", "\"\"", "\"x\"", "\"[\"", "\"^kvm\"", "\":9100\"",
                        "\"/abs\"", "[]", "{}", "[\"^kvm\", 1, \"(\"]",
                        "[{\"usage_fraction\": 0.5, \"trigger_seconds\": 1, \"rate_fraction\": 0.5,"
                                + " \"penalty_seconds\": 1}]",
                        "[{\"regex\": \"^kvm1\", \"base_rate_mbit\": 10}, {\"regex\": 3}]",
                        "[{\"usage_fraction\": \"x\"}, 4]")),
                text(0, 6).map(s -> "\""
                        + s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\p{Cntrl}", "") + "\""));
        Gen<String> entry = keys.zip(values, (k, v) -> "\"" + k + "\": " + v);
        return lists().of(entry).ofSizeBetween(0, 12).map(es -> "{" + String.join(", ", es) + "}");
    }

    static Gen<QosConfig> configs() {
        Gen<Duration> seconds = edged(spread(1, 31_536_000_000_000_000L), 1L, 31_536_000_000_000_000L)
                .map(Duration::ofNanos);
        // Nine decimals, like a hand-written file; n / 1e9 is the double nearest that decimal.
        Gen<Double> fractions = edged(longs().between(1_000, 1_000_000_000), 1_000L, 1_000_000_000L)
                .map(n -> n / 1e9);
        Gen<Tier> tier = fractions.zip(seconds, fractions, seconds, Tier::new);
        Gen<List<Tier>> tiers = lists().of(tier).ofSizeBetween(0, 5);
        Gen<List<String>> regexes = lists().of(Generate.pick(List.of("^kvm", "^vm\\d+\\.", "x$", "[a-z]+", "\\Qa.b\\E")))
                .ofSizeBetween(1, 3).map(rx -> List.copyOf(new LinkedHashSet<>(rx)));
        Gen<Optional<ListenAddress>> listen = Generate.pick(List.of(Optional.empty(),
                Optional.of(new ListenAddress("0.0.0.0", 9100)), Optional.of(new ListenAddress("::1", 0))));
        Gen<Long> bases = edged(spread(1, QosConfig.MAX_BASE_KBPS), 1L, QosConfig.MAX_BASE_KBPS);
        Gen<Duration> intervals = edged(spread(10, 86_400_000), 10L, 86_400_000L).map(Duration::ofMillis);
        Gen<Long> burstMins = edged(spread(0, QosConfig.MAX_BURST_MIN_KB), 0L, QosConfig.MAX_BURST_MIN_KB);
        Gen<Boolean> dryRuns = booleans().all();
        return random -> {
            long base = bases.generate(random);
            List<String> rx = regexes.generate(random);
            return QosConfig.builder()
                    .baseKbps(base).ifaceNameRegexes(rx.toArray(String[]::new))
                    .excludeRegexes(rx.get(0)).sampleInterval(intervals.generate(random))
                    .tiers(tiers.generate(random))
                    .baseRateOverrides(List.of(new BaseRateOverride(NamePattern.compile(rx.get(0)), base)))
                    .burstFraction(fractions.generate(random)).burstMinKb(burstMins.generate(random))
                    .dryRun(dryRuns.generate(random))
                    .statePath(Path.of("/var/lib/ovs-qos/" + base + ".json"))
                    .metricsListen(listen.generate(random))
                    .build();
        };
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

    /**
     * Longs in {@code [min, max]} spread over every order of magnitude: uniform draws from a
     * range this wide would almost all be within a factor of ten of {@code max}.
     */
    private static Gen<Long> spread(long min, long max) {
        Gen<Integer> digits = integers().between(0, 18);
        return random -> {
            long cap = 1;
            for (int d = digits.generate(random); d > 0 && cap < max - min; d--) {
                cap *= 10;
            }
            return min + longs().between(0, Math.min(cap, max - min)).generate(random);
        };
    }

    /** {@code gen}, with the range's edges drawn about one time in ten. */
    private static Gen<Long> edged(Gen<Long> gen, long min, long max) {
        return Generate.frequency(Pair.of(9, gen), Pair.of(1, Generate.pick(List.of(min, max))));
    }
}
