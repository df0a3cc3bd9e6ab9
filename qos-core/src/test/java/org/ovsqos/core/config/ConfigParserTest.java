package org.ovsqos.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.core.config.Json.parse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** config.json: the old script's keys and defaults, leniently, with a problem per bad value. */
class ConfigParserTest {

    /** The example from the old script's README, verbatim. */
    private static final String OLD_README_EXAMPLE = """
            {
               "base_rate_mbit": 1000,
               "iface_name_regexes": ["^kvm[0-9]+\\\\..*$"],
               "sample_interval_sec": 60,
               "stage1_usage_fraction": 0.9,
               "stage1_trigger_seconds": 900,
               "stage1_rate_fraction": 0.9,
               "stage1_penalty_seconds": 1800,
               "stage2_usage_fraction": 0.8,
               "stage2_trigger_seconds": 1800,
               "stage2_rate_fraction": 0.8,
               "stage2_penalty_seconds": 3600
            }
            """;

    @Test
    void anEmptyObjectGivesTheOldScriptsDefaults() {
        ConfigResult r = parse("{}");

        assertThat(r.problems()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(ConfigResult.EXIT_CLEAN);
        assertThat(r.config()).hasValue(QosConfig.defaults());
    }

    @Test
    void theOldScriptsReadmeExampleIsUsedAsWrittenWithAWarningThatItsStageTwoIsUnreachable() {
        ConfigResult r = ConfigParser.parse(OLD_README_EXAMPLE.getBytes(StandardCharsets.UTF_8));

        assertThat(r.problems()).containsExactly(ConfigProblem.warning("stage2_trigger_seconds",
                "1800 s cannot elapse within tier 1's 1800 s penalty at a 60 s sample interval (the timer"
                        + " starts at the first sample in tier 1), so tier 2 is never reached; use at most"
                        + " 1740 s, or a longer tier-1 penalty"));
        assertThat(r.exitCode()).isEqualTo(ConfigResult.EXIT_USABLE_WITH_FALLBACKS);
        assertThat(r.config()).hasValue(QosConfig.defaults().toBuilder().tiers(List.of(
                QosConfig.DEFAULT_STAGE1,
                new Tier(0.8, Duration.ofSeconds(1800), 0.8, Duration.ofSeconds(3600)))).build());
    }

    @Test
    void theDefaultsAreTheOldScriptsTableWithTheOldProgramsReachableStageTwoTriggerOf1700Seconds() {
        QosConfig d = QosConfig.defaults();

        assertThat(d.baseKbps()).isEqualTo(1_000_000);
        assertThat(d.baseRateMbit()).isEqualTo(1000.0);
        assertThat(d.ifaceNameRegexes()).extracting(NamePattern::source).containsExactly("^kvm[0-9]+\\..*$");
        assertThat(d.sampleInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.tiers()).containsExactly(
                new Tier(0.9, Duration.ofSeconds(900), 0.9, Duration.ofSeconds(1800)),
                new Tier(0.8, Duration.ofSeconds(1700), 0.8, Duration.ofSeconds(3600)));
        assertThat(d.burstFraction()).isEqualTo(0.1);
        assertThat(d.burstMinKb()).isEqualTo(2000);
        assertThat(d.dryRun()).isFalse();
        assertThat(d.statePath()).isEqualTo(Path.of("/run/ovs-qos/state.json"));
        assertThat(d.metricsListen()).isEmpty();
        assertThat(d.excludeRegexes()).isEmpty();
        assertThat(d.baseRateOverrides()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            base_rate_mbit         | '1000'       | "1000" is not a number; using default 1000
            base_rate_mbit         | true         | true is not a number; using default 1000
            base_rate_mbit         | 0            | 0 is out of range (must be at least 0.001 and at most 4294967); using default 1000
            base_rate_mbit         | 4294967.5    | 4294967.5 is out of range (must be at least 0.001 and at most 4294967); using default 1000
            sample_interval_sec    | -5           | -5 is out of range (must be at least 0.01 and at most 86400); using default 60
            sample_interval_sec    | null         | null is not a number; using default 60
            stage1_usage_fraction  | 1.5          | 1.5 is out of range (must be greater than 0 and at most 1); using default 0.9
            stage1_usage_fraction  | 0            | 0 is out of range (must be greater than 0 and at most 1); using default 0.9
            stage1_trigger_seconds | 0            | 0 is out of range (must be greater than 0 and at most 31536000); using default 900
            stage1_rate_fraction   | [0.5]        | [0.5] is not a number; using default 0.9
            stage1_penalty_seconds | 1e400        | 1E+400 is out of range (must be greater than 0 and at most 31536000); using default 1800
            stage1_usage_fraction  | 1e-400       | 1E-400 is too small to be used; using default 0.9
            stage2_usage_fraction  | -0.8         | -0.8 is out of range (must be greater than 0 and at most 1); using default 0.8
            stage2_trigger_seconds | 'x'          | "x" is not a number; using default 1700
            stage2_rate_fraction   | 1.0000001    | 1.0000001 is out of range (must be greater than 0 and at most 1); using default 0.8
            stage2_penalty_seconds | 1e-10        | 1E-10 is shorter than a nanosecond; using default 3600
            burst_fraction         | 0            | 0 is out of range (must be greater than 0 and at most 1); using default 0.1
            burst_min_kb           | 1.5          | 1.5 is not a whole number; using default 2000
            burst_min_kb           | -1           | -1 is out of range (must be at least 0 and at most 4294967295); using default 2000
            dry_run                | 'yes'        | "yes" is not true or false; using default false
            dry_run                | 1            | 1 is not true or false; using default false
            state_path             | 'state.json' | "state.json" is not an absolute path; using default "/run/ovs-qos/state.json"
            state_path             | 5            | 5 is not a string; using default "/run/ovs-qos/state.json"
            metrics_listen         | 'nonsense'   | "nonsense" is not HOST:PORT, [IPV6]:PORT or :PORT; using default null (metrics off)
            metrics_listen         | 9100         | 9100 is not HOST:PORT, [IPV6]:PORT or :PORT; using default null (metrics off)
            log_level              | 'verbose'    | "verbose" is not one of error, warn, info, debug; using default "info"
            log_level              | 2            | 2 is not one of error, warn, info, debug; using default "info"
            iface_name_regexes     | '^kvm'       | "^kvm" is not a list of regexes; using default ["^kvm[0-9]+\\\\..*$"]
            iface_name_regexes     | []           | [] holds no regex; using default ["^kvm[0-9]+\\\\..*$"]
            exclude_regexes        | {}           | {} is not a list of regexes; using default [] (nothing excluded)
            base_rate_overrides    | 5            | 5 is not a list of {"regex", "base_rate_mbit"} objects; using default [] (no overrides)
            tiers                  | 'x'          | "x" is not a list of tier objects; the tiers list is ignored and the stage1_*/stage2_* keys are used
            """)
    void aBadValueFallsBackToItsDefaultWithOneWarningNamingKeyValueAndDefault(
            String key, String value, String message) {
        ConfigResult r = parse("{'" + key + "': " + value + "}");

        assertThat(r.problems()).containsExactly(new ConfigProblem(Severity.WARNING, key, message));
        assertThat(r.config()).as("the default is used").hasValue(QosConfig.defaults());
        assertThat(r.exitCode()).isEqualTo(ConfigResult.EXIT_USABLE_WITH_FALLBACKS);
    }

    @Test
    void timesMayBeFractionalAndAreKeptToTheNanosecond() {
        QosConfig c = parse("{'sample_interval_sec': 0.5, 'stage1_trigger_seconds': 90.25,"
                + " 'stage2_penalty_seconds': 0.000000001}").config().orElseThrow();

        assertThat(c.sampleInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.tiers().get(0).trigger()).isEqualTo(Duration.ofMillis(90_250));
        assertThat(c.tiers().get(1).penalty()).isEqualTo(Duration.ofNanos(1));
    }

    @Test
    void unknownKeysAreReportedAsLikelyTypos() {
        ConfigResult r = parse("{'stage1_trigger_second': 600, 'sample_interval_sec': 30}");

        assertThat(r.problems()).containsExactly(ConfigProblem.warning("stage1_trigger_second",
                "is not a known key (a typo?); ignored"));
        assertThat(r.config().orElseThrow().tiers()).isEqualTo(QosConfig.DEFAULT_TIERS);
        assertThat(r.config().orElseThrow().sampleInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void oddKeysAreNamedAsJsonStringsSoTheyNeverReadAsTheWholeFile() {
        ConfigResult r = parse("{'': 1, 'a b': 2, '': 3}");

        assertThat(r.problems()).extracting(ConfigProblem::key)
                .containsExactly("\"\"", "\"\"", "\"a b\"");
    }

    @Test
    void anInvalidRegexIsDroppedWithAWarningAndTheOthersKept() {
        ConfigResult r = parse("{'iface_name_regexes': ['^kvm', '[bad', 7, '^vm-']}");

        assertThat(r.problems()).extracting(ConfigProblem::key)
                .containsExactly("iface_name_regexes[1]", "iface_name_regexes[2]");
        assertThat(r.problems().get(0).message())
                .startsWith("\"[bad\" is not a valid regex (Unclosed character class)");
        assertThat(r.problems().get(1).message()).isEqualTo("7 is not a string; dropped");
        assertThat(r.config().orElseThrow().ifaceNameRegexes()).extracting(NamePattern::source)
                .containsExactly("^kvm", "^vm-");
    }

    @Test
    void noValidRegexLeftMakesTheFileUnusable() {
        ConfigResult r = parse("{'iface_name_regexes': ['[bad', '(x'], 'dry_run': 3}");

        assertThat(r.config()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(ConfigResult.EXIT_UNUSABLE);
        assertThat(r.problems()).contains(ConfigProblem.error("iface_name_regexes",
                "no valid regex is left, so no interface could be managed"));
        assertThat(r.problems()).filteredOn(p -> p.severity() == Severity.WARNING).hasSize(3)
                .as("every other key is still checked").extracting(ConfigProblem::key)
                .contains("dry_run");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"[]", "42", "'kvm'", "null", "", "   ", "{", "{} {}", "{'a':}",
            "{'a': 1,}", "{'a': NaN}", "\u00ff\u00fe"})
    void aFileThatIsNotOneJsonObjectIsUnusable(String text) {
        ConfigResult r = parse(text);

        assertThat(r.config()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(ConfigResult.EXIT_UNUSABLE);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.key()).isEmpty();
        });
    }

    @Test
    void aSyntaxErrorNamesWhereItIs() {
        ConfigResult r = parse("{\n  'base_rate_mbit': 10,\n  'dry_run': tru\n}");

        assertThat(r.problems().get(0).message()).startsWith("the file is not valid JSON: ")
                .contains("line 3");
    }

    @Test
    void contentAfterTheObjectIsNamedWithWhereItIs() {
        ConfigResult r = parse("{'dry_run': true}\n[1]");

        assertThat(r.problems()).singleElement().extracting(ConfigProblem::message).isEqualTo(
                "the file is not valid JSON: unexpected [ after the end of the JSON value (line 2, column 2)");
    }

    @Test
    void duplicateKeysAreReportedAndTheLastValueWins() {
        ConfigResult r = parse("{'base_rate_mbit': 100, 'tiers': [{'usage_fraction': 0.5,"
                + " 'usage_fraction': 0.6, 'trigger_seconds': 1, 'rate_fraction': 1,"
                + " 'penalty_seconds': 1}], 'base_rate_mbit': 200}");

        assertThat(r.problems()).containsExactly(
                ConfigProblem.warning("tiers[0].usage_fraction", "appears more than once; the last value is used"),
                ConfigProblem.warning("base_rate_mbit", "appears more than once; the last value is used"));
        assertThat(r.config().orElseThrow().baseKbps()).isEqualTo(200_000);
        assertThat(r.config().orElseThrow().tiers().get(0).usageFraction()).isEqualTo(0.6);
    }

    @Test
    void burstAndModeKeysAreRead() {
        QosConfig c = parse("{'burst_fraction': 0.25, 'burst_min_kb': 0, 'dry_run': true,"
                + " 'state_path': '/var/lib/ovs-qos/state.json', 'metrics_listen': '127.0.0.1:9477'}")
                .config().orElseThrow();

        assertThat(c.burstFraction()).isEqualTo(0.25);
        assertThat(c.burstMinKb()).isZero();
        assertThat(c.dryRun()).isTrue();
        assertThat(c.statePath()).isEqualTo(Path.of("/var/lib/ovs-qos/state.json"));
        assertThat(c.metricsListen()).hasValue(new ListenAddress("127.0.0.1", 9477));
    }

    @Test
    void theLogLevelIsReadInAnyCase() {
        assertThat(parse("{'log_level': 'DEBUG'}").config().orElseThrow().logLevel()).isEqualTo("debug");
        assertThat(parse("{'log_level': 'warn'}").config().orElseThrow().logLevel()).isEqualTo("warn");
        assertThat(QosConfig.defaults().logLevel()).isEqualTo("info");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"null", "''", "false"})
    void metricsCanBeSwitchedOffExplicitly(String value) {
        ConfigResult r = parse("{'metrics_listen': " + value + "}");

        assertThat(r.problems()).isEmpty();
        assertThat(r.config().orElseThrow().metricsListen()).isEmpty();
    }

    @Test
    void problemsPrintAsOneLineWithSeverityKeyAndMessage() {
        assertThat(ConfigProblem.warning("dry_run", "\"yes\" is not true or false; using default false"))
                .hasToString("WARNING dry_run: \"yes\" is not true or false; using default false");
        assertThat(ConfigProblem.error("", "the file is empty; expected a JSON object"))
                .hasToString("ERROR the file is empty; expected a JSON object");
    }

    @Test
    void theCanonicalJsonReadsBackToAnEqualConfigWithoutProblems() {
        QosConfig rich = QosConfig.builder().baseKbps(123_456).ifaceNameRegexes("^kvm", "^vm\\d+$")
                .excludeRegexes("^kvm9\\.").sampleInterval(Duration.ofMillis(1500))
                .tiers(List.of(new Tier(0.95, Duration.ofNanos(1_500_000_001L), 0.333, Duration.ofDays(3)),
                        new Tier(1.0, Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1))))
                .baseRateOverrides(List.of(new BaseRateOverride(NamePattern.compile("^kvm1\\."), 1)))
                .burstFraction(0.3).burstMinKb(0).dryRun(true).statePath(Path.of("/tmp/s.json"))
                .metricsListen(Optional.of(new ListenAddress("::1", 0))).build();

        for (QosConfig c : List.of(QosConfig.defaults(), rich)) {
            ConfigResult r = ConfigParser.parse(ConfigParser.toJson(c));
            assertThat(r.problems()).isEmpty();
            assertThat(r.config()).hasValue(c);
        }
    }
}
