package org.ovsqos.daemon.metrics;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.ovsqos.daemon.testing.PrometheusText;

/** The per-interface series, built at each scrape from the last published figures; the collector alone. */
class InterfaceCollectorTest {
    private final DaemonMetrics metrics = new DaemonMetrics();
    private final PrometheusRegistry registry = new PrometheusRegistry();

    InterfaceCollectorTest() {
        registry.register(new InterfaceCollector(metrics));
    }

    private PrometheusText scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PrometheusText.parse(out.toString(UTF_8));
    }

    @Test
    void perInterfaceSeriesAreInBaseUnits() {
        metrics.interfacesFrom(() -> List.of(DaemonMetricsTest.idle("kvm101.0", 123_456),
                DaemonMetricsTest.penalised("kvm102.0", 2, true)));

        PrometheusText s = scrape();
        assertThat(s.types()).containsEntry("ovsqos_interface_receive_bytes_total", "counter");
        assertThat(s.value("ovsqos_interface_receive_bytes_total", "interface", "kvm101.0")).contains(123_456.0);
        assertThat(s.value("ovsqos_interface_receive_bytes_total", "interface", "kvm102.0")).contains(5e9);
        assertThat(s.value("ovsqos_interface_limit_bytes_per_second", "interface", "kvm102.0")).contains(10e6);
        assertThat(s.value("ovsqos_interface_base_bytes_per_second", "interface", "kvm102.0")).contains(12.5e6);
        assertThat(s.value("ovsqos_interface_tier", "interface", "kvm102.0")).contains(2.0);
        assertThat(s.value("ovsqos_interface_penalty_end_timestamp_seconds", "interface", "kvm102.0"))
                .contains((double) DaemonMetricsTest.UNTIL.getEpochSecond());
        assertThat(s.value("ovsqos_interface_penalty_end_timestamp_seconds", "interface", "kvm101.0")).contains(0.0);
        assertThat(s.value("ovsqos_interface_present", "interface", "kvm101.0")).contains(1.0);
    }

    @Test
    void anInterfaceNoLongerPublishedLosesItsSeries() {
        metrics.interfacesFrom(() -> List.of(DaemonMetricsTest.idle("kvm101.0", 1),
                DaemonMetricsTest.penalised("kvm102.0", 1, true)));
        scrape();

        metrics.interfacesFrom(() -> List.of(DaemonMetricsTest.penalised("kvm102.0", 1, false)));

        PrometheusText s = scrape();
        assertThat(s.samples()).noneMatch(x -> "kvm101.0".equals(x.labels().get("interface")));
        assertThat(s.value("ovsqos_interface_present", "interface", "kvm102.0")).contains(0.0);
        assertThat(s.value("ovsqos_interface_receive_bytes_total", "interface", "kvm102.0"))
                .as("an absent row's counter stands still, where the last scrape saw it").contains(5e9);
    }

    @Test
    void theGuestsVmIdIsALabelOfTheInfoSeriesOnly() {
        metrics.interfacesFrom(() -> List.of(DaemonMetricsTest.idle("kvm101.0", 1),
                DaemonMetricsTest.penalised("kvm102.0", 1, true)));

        PrometheusText s = scrape();
        assertThat(s.value("ovsqos_interface_info", "interface", "kvm101.0", "vm_id", DaemonMetricsTest.VM))
                .contains(1.0);
        assertThat(s.value("ovsqos_interface_info", "interface", "kvm102.0", "vm_id", "")).contains(1.0);
        assertThat(s.samples("ovsqos_interface_tier").get(0).labels()).containsOnlyKeys("interface");

        // The row goes (an absent row has no external_ids), comes back, then another guest takes the name.
        metrics.interfacesFrom(() -> List.of(DaemonMetricsTest.penalised("kvm101.0", 1, false)));
        assertThat(scrape().samples("ovsqos_interface_info", "interface", "kvm101.0"))
                .singleElement().extracting(x -> x.labels().get("vm_id")).isEqualTo(DaemonMetricsTest.VM);
        metrics.interfacesFrom(() -> List.of(new InterfaceFigures("kvm101.0", Optional.of("other"), 0, 1, 1,
                Optional.empty(), true, OptionalLong.of(1))));
        assertThat(scrape().samples("ovsqos_interface_info", "interface", "kvm101.0"))
                .singleElement().extracting(x -> x.labels().get("vm_id")).isEqualTo("other");
    }

    @Test
    void aGoneInterfaceVanishesAtTheNextScrapeAndComesBackWithoutItsPast() {
        metrics.interfacesFrom(() -> List.of(DaemonMetricsTest.idle("kvm101.0", 500),
                DaemonMetricsTest.idle("kvm102.0", 1)));
        scrape();

        metrics.interfacesFrom(() -> List.of(DaemonMetricsTest.idle("kvm102.0", 2)));
        assertThat(scrape().samples()).noneMatch(x -> "kvm101.0".equals(x.labels().get("interface")));

        // Back, but absent: what it showed before it went is forgotten, as for a new interface.
        metrics.interfacesFrom(() -> List.of(DaemonMetricsTest.penalised("kvm101.0", 1, false)));
        PrometheusText s = scrape();
        assertThat(s.value("ovsqos_interface_receive_bytes_total", "interface", "kvm101.0")).contains(0.0);
        assertThat(s.value("ovsqos_interface_info", "interface", "kvm101.0", "vm_id", "")).contains(1.0);
    }

    @Test
    void everyInterfaceHasSevenSeriesAndNoInterfaceNone() {
        assertThat(scrape().types()).as("families of no sample are not served").isEmpty();

        metrics.interfacesFrom(() -> List.of(DaemonMetricsTest.idle("kvm101.0", 1),
                DaemonMetricsTest.idle("kvm102.0", 1)));

        PrometheusText s = scrape();
        assertThat(s.types()).containsOnlyKeys("ovsqos_interface_receive_bytes_total",
                "ovsqos_interface_limit_bytes_per_second", "ovsqos_interface_base_bytes_per_second",
                "ovsqos_interface_tier", "ovsqos_interface_penalty_end_timestamp_seconds", "ovsqos_interface_present",
                "ovsqos_interface_info");
        assertThat(s.samples()).hasSize(14);
    }

    @Test
    void aPublishBetweenScrapesIsWhatTheNextScrapeShows() {
        metrics.interfacesFrom(() -> List.of(DaemonMetricsTest.idle("kvm101.0", 1)));
        metrics.interfacesFrom(() -> List.of(new InterfaceFigures("kvm101.0", Optional.empty(), 1, 40_000, 100_000,
                Optional.of(DaemonMetricsTest.UNTIL), true, OptionalLong.of(9_000))));

        PrometheusText s = scrape();
        assertThat(s.value("ovsqos_interface_tier", "interface", "kvm101.0")).contains(1.0);
        assertThat(s.value("ovsqos_interface_limit_bytes_per_second", "interface", "kvm101.0")).contains(5e6);
        assertThat(s.value("ovsqos_interface_receive_bytes_total", "interface", "kvm101.0")).contains(9_000.0);
    }
}
