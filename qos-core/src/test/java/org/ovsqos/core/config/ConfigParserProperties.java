package org.ovsqos.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The parser never throws, whatever it is given, and the canonical JSON always reads back. */
class ConfigParserProperties {

    @Property
    void garbageBytesNeverThrowAndAreUnusable(@ForAll @Size(max = 300) byte[] bytes) {
        ConfigResult r = ConfigParser.parse(bytes);
        assertConsistent(r);
    }

    @Property(tries = 500)
    void anyObjectOfKnownKeysWithAnyValuesNeverThrows(@ForAll("objects") String json) {
        ConfigResult r = ConfigParser.parse(json.getBytes(StandardCharsets.UTF_8));

        assertConsistent(r);
        assertThat(r.problems()).noneMatch(p -> p.key().isEmpty());
    }

    @Property(tries = 300)
    void theCanonicalJsonOfAnyConfigReadsBackEqualWithoutProblems(@ForAll("configs") QosConfig c) {
        ConfigResult r = ConfigParser.parse(ConfigParser.toJson(c));

        assertThat(r.problems()).isEmpty();
        assertThat(r.config()).hasValue(c);
    }

    private static void assertConsistent(ConfigResult r) {
        boolean error = r.problems().stream().anyMatch(p -> p.severity() == Severity.ERROR);
        assertThat(r.config().isPresent()).isNotEqualTo(error);
        assertThat(r.exitCode()).isEqualTo(error ? 2 : r.problems().isEmpty() ? 0 : 1);
        assertThat(r.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }

    @Provide
    Arbitrary<String> objects() {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(Keys.ALL),
                Arbitraries.strings().alpha().ofMaxLength(8));
        Arbitrary<String> values = Arbitraries.lazyOf(
                () -> Arbitraries.of("0", "-1", "0.5", "1", "1e400", "1e-400", "60", "4294967296",
                        "true", "false", "null", "\"\"", "\"x\"", "\"[\"", "\"^kvm\"", "\":9100\"",
                        "\"/abs\"", "[]", "{}", "[\"^kvm\", 1, \"(\"]",
                        "[{\"usage_fraction\": 0.5, \"trigger_seconds\": 1, \"rate_fraction\": 0.5,"
                                + " \"penalty_seconds\": 1}]",
                        "[{\"regex\": \"^kvm1\", \"base_rate_mbit\": 10}, {\"regex\": 3}]",
                        "[{\"usage_fraction\": \"x\"}, 4]"),
                () -> Arbitraries.strings().ofMaxLength(6).map(s -> "\""
                        + s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\p{Cntrl}", "") + "\""));
        Arbitrary<String> entry = Combinators.combine(keys, values).as((k, v) -> "\"" + k + "\": " + v);
        return entry.list().ofMaxSize(12).map(es -> "{" + String.join(", ", es) + "}");
    }

    @Provide
    Arbitrary<QosConfig> configs() {
        Arbitrary<Duration> seconds = Arbitraries.longs().between(1, 31_536_000_000_000_000L).map(Duration::ofNanos);
        Arbitrary<Double> fractions = Arbitraries.doubles().between(0.000001, 1.0).ofScale(9);
        Arbitrary<Tier> tier = Combinators.combine(fractions, seconds, fractions, seconds).as(Tier::new);
        Arbitrary<List<String>> regexes = Arbitraries.of("^kvm", "^vm\\d+\\.", "x$", "[a-z]+", "\\Qa.b\\E")
                .list().uniqueElements().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Optional<ListenAddress>> listen = Arbitraries.of(Optional.empty(),
                Optional.of(new ListenAddress("0.0.0.0", 9100)), Optional.of(new ListenAddress("::1", 0)));
        return Combinators.combine(
                Arbitraries.longs().between(1, QosConfig.MAX_BASE_KBPS),
                regexes,
                Arbitraries.longs().between(10, 86_400_000).map(Duration::ofMillis),
                tier.list().ofMaxSize(5),
                fractions,
                Arbitraries.longs().between(0, QosConfig.MAX_BURST_MIN_KB),
                Arbitraries.of(true, false),
                listen)
                .as((base, rx, interval, tiers, burst, burstMin, dry, metrics) -> QosConfig.builder()
                        .baseKbps(base).ifaceNameRegexes(rx.toArray(String[]::new))
                        .excludeRegexes(rx.get(0)).sampleInterval(interval).tiers(tiers)
                        .baseRateOverrides(List.of(new BaseRateOverride(NamePattern.compile(rx.get(0)), base)))
                        .burstFraction(burst).burstMinKb(burstMin).dryRun(dry)
                        .statePath(Path.of("/var/lib/ovs-qos/" + base + ".json")).metricsListen(metrics)
                        .build());
    }
}
