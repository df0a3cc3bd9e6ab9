package org.ovsqos.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The configuration value: matching, base rates, and the builder's validation. */
class QosConfigTest {

    @ParameterizedTest(name = "{0} managed: {1}")
    @CsvSource({
            "kvm1.0, true", "kvm12345.17, true", "kvm1., true",
            "kvm.0, false", "kvm1, false", "xkvm1.0, false", "KVM1.0, false", "vnet0, false", "'', false"})
    void theDefaultRegexManagesTheGuestInterfacesOnly(String name, boolean managed) {
        assertThat(QosConfig.defaults().manages(name)).isEqualTo(managed);
    }

    @Test
    void aRegexMatchesAtTheStartOfTheNameLikePythonsReMatch() {
        QosConfig c = QosConfig.builder().ifaceNameRegexes("kvm\\d").build();

        assertThat(c.manages("kvm1.0-anything")).isTrue();
        assertThat(c.manages("a-kvm1.0")).isFalse();
    }

    @Test
    void anExcludeRegexWinsOverAnIncludeRegex() {
        QosConfig c = QosConfig.builder().ifaceNameRegexes("^kvm", "^vm").excludeRegexes("^kvm7\\.").build();

        assertThat(c.manages("kvm7.0")).isFalse();
        assertThat(c.manages("kvm70.0")).isTrue();
        assertThat(c.manages("vm7.0")).isTrue();
    }

    @Test
    void theBaseComesFromExternalIdsThenTheFirstMatchingOverrideThenTheFile() {
        QosConfig c = QosConfig.builder().baseRateMbit(1000).baseRateOverrides(List.of(
                new BaseRateOverride(NamePattern.compile("^kvm1\\."), 100_000))).build();

        assertThat(c.resolveBase("kvm1.0", Optional.of("50")))
                .isEqualTo(new BaseRate(50_000, BaseRate.Source.EXTERNAL_IDS, Optional.empty()));
        assertThat(c.resolveBase("kvm1.0", Optional.empty()))
                .isEqualTo(new BaseRate(100_000, BaseRate.Source.OVERRIDE, Optional.empty()));
        assertThat(c.resolveBase("kvm2.0", Optional.empty()))
                .isEqualTo(new BaseRate(1_000_000, BaseRate.Source.DEFAULT, Optional.empty()));
        assertThat(c.resolveBase("kvm2.0", Optional.of("-3")).ignoredExternal()).hasValue(
                "external_ids:ovs-qos-base-mbit=\"-3\" is out of range (must be between 0.001 and"
                        + " 4294967); using 1000 Mbit/s from base_rate_mbit");
    }

    @Test
    void tierRatesTruncateLikeTheOldScriptButNeverReachZero() {
        QosConfig c = QosConfig.builder().tiers(List.of(
                new Tier(0.9, Duration.ofSeconds(1), 0.333, Duration.ofSeconds(1)))).build();

        assertThat(c.rateKbps(0, 1000)).isEqualTo(1000);
        assertThat(c.rateKbps(1, 1000)).isEqualTo(333);
        assertThat(c.rateKbps(1, 2)).isEqualTo(1);
        assertThatIllegalArgumentException().isThrownBy(() -> c.rateKbps(2, 1000));
        assertThatIllegalArgumentException().isThrownBy(() -> c.rateKbps(0, 0));
    }

    @Test
    void theBuilderRejectsWhatTheParserWouldNeverBuild() {
        assertThatIllegalArgumentException().isThrownBy(() -> QosConfig.builder().baseKbps(0).build());
        assertThatIllegalArgumentException().isThrownBy(() -> QosConfig.builder().ifaceNameRegexes(List.of()).build());
        assertThatIllegalArgumentException().isThrownBy(() -> QosConfig.builder().sampleInterval(Duration.ofMillis(9)).build());
        assertThatIllegalArgumentException().isThrownBy(() -> QosConfig.builder().burstFraction(0).build());
        assertThatIllegalArgumentException().isThrownBy(() -> QosConfig.builder().burstMinKb(-1).build());
        assertThatIllegalArgumentException().isThrownBy(() -> QosConfig.builder().statePath(Path.of("rel")).build());
        assertThatIllegalArgumentException().isThrownBy(() -> QosConfig.builder().baseRateMbit(0.0001));
        assertThatIllegalArgumentException().isThrownBy(() -> QosConfig.builder().tiers(List.of(
                new Tier(0.5, Duration.ofDays(366), 0.5, Duration.ofSeconds(1)))).build());
        assertThatIllegalArgumentException().isThrownBy(() -> new Tier(0, Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new Tier(0.5, Duration.ZERO, 0.5, Duration.ofSeconds(1)));
    }

    @Test
    void toBuilderCopiesEverySetting() {
        QosConfig c = QosConfig.builder().baseKbps(5).dryRun(true).excludeRegexes("^x").build();

        assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(c.toBuilder().dryRun(false).build()).isNotEqualTo(c);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            :9100            | 0.0.0.0   | 9100
            127.0.0.1:9477   | 127.0.0.1 | 9477
            [::1]:0          | ::1       | 0
            metrics.lan:65535| metrics.lan | 65535
            """)
    void listenAddressesParse(String text, String host, int port) {
        assertThat(ListenAddress.parse(text)).hasValue(new ListenAddress(host, port));
        assertThat(ListenAddress.parse(ListenAddress.parse(text).orElseThrow().toString()))
                .hasValue(new ListenAddress(host, port));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"9100", "::1:9100", "host:", "host:65536", "host:12a", "host:+80", "[]:80", "a b:80", "host:123456"})
    void malformedListenAddressesAreRejected(String text) {
        assertThat(ListenAddress.parse(text)).isEmpty();
    }
}
