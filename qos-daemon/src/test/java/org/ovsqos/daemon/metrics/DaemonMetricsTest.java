package org.ovsqos.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ovsqos.daemon.admin.ConnectionState;
import org.ovsqos.daemon.testing.PrometheusText;

class DaemonMetricsTest {
    static final String VM = "5d3f1a2e-7c41-4b8e-9a06-2f1c3b4d5e6f";
    private static final Instant UNTIL = Instant.parse("2025-03-01T13:00:00Z");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DaemonMetrics metrics = new DaemonMetrics(registry);

    @AfterEach
    void close() {
        metrics.close();
        registry.close();
    }

    static InterfaceFigures idle(String name, long rxBytes) {
        return new InterfaceFigures(name, Optional.of(VM), 0, 100_000, 100_000, Optional.empty(), true,
                OptionalLong.of(rxBytes));
    }

    static InterfaceFigures penalised(String name, int tier, boolean present) {
        return new InterfaceFigures(name, Optional.empty(), tier, 80_000, 100_000, Optional.of(UNTIL), present,
                present ? OptionalLong.of(5_000_000_000L) : OptionalLong.empty());
    }

    private PrometheusText scrape() {
        return PrometheusText.parse(registry.scrape());
    }

    @Test
    void perInterfaceSeriesAreInBaseUnits() {
        metrics.updateInterfaces(List.of(idle("kvm101.0", 123_456), penalised("kvm102.0", 2, true)));

        PrometheusText s = scrape();
        assertThat(s.types()).containsEntry("ovsqos_interface_receive_bytes_total", "counter");
        assertThat(s.value("ovsqos_interface_receive_bytes_total", "interface", "kvm101.0")).contains(123_456.0);
        assertThat(s.value("ovsqos_interface_receive_bytes_total", "interface", "kvm102.0")).contains(5e9);
        assertThat(s.value("ovsqos_interface_limit_bytes_per_second", "interface", "kvm102.0")).contains(10e6);
        assertThat(s.value("ovsqos_interface_base_bytes_per_second", "interface", "kvm102.0")).contains(12.5e6);
        assertThat(s.value("ovsqos_interface_tier", "interface", "kvm102.0")).contains(2.0);
        assertThat(s.value("ovsqos_interface_penalty_end_timestamp_seconds", "interface", "kvm102.0"))
                .contains((double) UNTIL.getEpochSecond());
        assertThat(s.value("ovsqos_interface_penalty_end_timestamp_seconds", "interface", "kvm101.0")).contains(0.0);
        assertThat(s.value("ovsqos_interface_present", "interface", "kvm101.0")).contains(1.0);
        assertThat(s.value("ovsqos_interfaces_managed")).contains(2.0);
    }

    @Test
    void anInterfaceNoLongerPublishedLosesItsSeries() {
        metrics.updateInterfaces(List.of(idle("kvm101.0", 1), penalised("kvm102.0", 1, true)));

        metrics.updateInterfaces(List.of(penalised("kvm102.0", 1, false)));

        PrometheusText s = scrape();
        assertThat(s.samples()).noneMatch(x -> "kvm101.0".equals(x.labels().get("interface")));
        assertThat(s.value("ovsqos_interface_present", "interface", "kvm102.0")).contains(0.0);
        assertThat(s.value("ovsqos_interface_receive_bytes_total", "interface", "kvm102.0"))
                .as("an absent row's counter stands still").contains(5e9);
        assertThat(s.value("ovsqos_interfaces_managed")).contains(1.0);
    }

    @Test
    void theGuestsVmIdIsALabelOfTheInfoSeriesOnly() {
        metrics.updateInterfaces(List.of(idle("kvm101.0", 1), penalised("kvm102.0", 1, true)));

        PrometheusText s = scrape();
        assertThat(s.value("ovsqos_interface_info", "interface", "kvm101.0", "vm_id", VM)).contains(1.0);
        assertThat(s.value("ovsqos_interface_info", "interface", "kvm102.0", "vm_id", "")).contains(1.0);
        assertThat(s.samples("ovsqos_interface_tier").get(0).labels()).containsOnlyKeys("interface");

        // The row goes (an absent row has no external_ids), comes back, then another guest takes the name.
        metrics.updateInterfaces(List.of(penalised("kvm101.0", 1, false)));
        assertThat(scrape().samples("ovsqos_interface_info", "interface", "kvm101.0"))
                .singleElement().extracting(x -> x.labels().get("vm_id")).isEqualTo(VM);
        metrics.updateInterfaces(List.of(new InterfaceFigures("kvm101.0", Optional.of("other"), 0, 1, 1,
                Optional.empty(), true, OptionalLong.of(1))));
        assertThat(scrape().samples("ovsqos_interface_info", "interface", "kvm101.0"))
                .singleElement().extracting(x -> x.labels().get("vm_id")).isEqualTo("other");
    }

    @Test
    void everyTransitionThePolicyCanMakeIsServedFromTheStartAtZero() {
        metrics.configure(2, Duration.ofSeconds(60));

        PrometheusText s = scrape();
        assertThat(s.samples("ovsqos_transitions_total")).extracting(x -> x.labels().get("from") + "->"
                + x.labels().get("to") + "=" + x.value())
                .containsExactlyInAnyOrder("0->1=0.0", "1->2=0.0", "1->0=0.0", "2->0=0.0");
        assertThat(s.samples("ovsqos_interfaces")).extracting(x -> x.labels().get("tier") + "=" + x.value())
                .containsExactlyInAnyOrder("0=0.0", "1=0.0", "2=0.0");
        assertThat(s.value("ovsqos_tick_interval_seconds")).contains(60.0);
    }

    @Test
    void transitionsAndInterfacesAreCountedByTier() {
        metrics.configure(2, Duration.ofSeconds(60));
        metrics.transition(0, 1);
        metrics.transition(0, 1);
        metrics.transition(1, 2);
        // A penalty at a tier a reload removed still ends.
        metrics.transition(3, 0);
        metrics.updateInterfaces(List.of(idle("kvm101.0", 1), penalised("kvm102.0", 2, true),
                penalised("kvm103.0", 2, false), penalised("kvm104.0", 3, false)));

        PrometheusText s = scrape();
        assertThat(s.value("ovsqos_transitions_total", "from", "0", "to", "1")).contains(2.0);
        assertThat(s.value("ovsqos_transitions_total", "from", "1", "to", "2")).contains(1.0);
        assertThat(s.value("ovsqos_transitions_total", "from", "3", "to", "0")).contains(1.0);
        assertThat(s.samples("ovsqos_interfaces")).extracting(x -> x.labels().get("tier") + "=" + x.value())
                .containsExactlyInAnyOrder("0=1.0", "1=0.0", "2=2.0", "3=1.0");
    }

    @Test
    void daemonCountersAreServedAtZeroAndCount() {
        PrometheusText before = scrape();
        for (String result : List.of("success", "failure")) {
            assertThat(before.value("ovsqos_reloads_total", "result", result)).contains(0.0);
            assertThat(before.value("ovsqos_state_saves_total", "result", result)).contains(0.0);
            assertThat(before.value("ovsqos_ovsdb_transactions_total", "result", result)).contains(0.0);
        }
        assertThat(before.value("ovsqos_drift_restores_total")).contains(0.0);
        assertThat(before.value("ovsqos_ovsdb_reconnects_total")).contains(0.0);

        metrics.reloaded(true);
        metrics.reloaded(false);
        metrics.reloaded(false);
        metrics.stateSaved(true);
        metrics.stateSaved(false);
        metrics.transaction(true);
        metrics.transaction(true);
        metrics.transaction(false);
        metrics.driftRestored();
        metrics.ovsdbReconnected();

        PrometheusText s = scrape();
        assertThat(s.value("ovsqos_reloads_total", "result", "success")).contains(1.0);
        assertThat(s.value("ovsqos_reloads_total", "result", "failure")).contains(2.0);
        assertThat(s.value("ovsqos_state_saves_total", "result", "success")).contains(1.0);
        assertThat(s.value("ovsqos_state_saves_total", "result", "failure")).contains(1.0);
        assertThat(s.value("ovsqos_ovsdb_transactions_total", "result", "success")).contains(2.0);
        assertThat(s.value("ovsqos_ovsdb_transactions_total", "result", "failure")).contains(1.0);
        assertThat(s.value("ovsqos_drift_restores_total")).contains(1.0);
        assertThat(s.value("ovsqos_ovsdb_reconnects_total")).contains(1.0);
    }

    @Test
    void theOvsdbConnectionHasOneSeriesPerStateOneOfThemAtOne() {
        assertThat(scrape().samples("ovsqos_ovsdb_connection_state")).hasSize(ConnectionState.values().length);

        metrics.ovsdbState(ConnectionState.CONNECTED);

        PrometheusText s = scrape();
        assertThat(s.value("ovsqos_ovsdb_connection_state", "state", "connected")).contains(1.0);
        assertThat(s.value("ovsqos_ovsdb_connection_state", "state", "disconnected")).contains(0.0);
        assertThat(s.value("ovsqos_ovsdb_connection_state", "state", "connecting")).contains(0.0);
    }

    @Test
    void aTickIsTimedInABucketAndStampsTheLastTick() {
        Instant at = Instant.parse("2030-01-01T08:00:00Z");
        assertThat(scrape().value("ovsqos_last_tick_timestamp_seconds")).as("before the first tick: the process's start")
                .contains(ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0);

        metrics.tick(at, Duration.ofMillis(7));

        PrometheusText s = scrape();
        assertThat(s.types()).containsEntry("ovsqos_tick_duration_seconds", "histogram");
        assertThat(s.value("ovsqos_tick_duration_seconds_count")).contains(1.0);
        assertThat(s.value("ovsqos_tick_duration_seconds_sum")).contains(0.007);
        assertThat(s.value("ovsqos_tick_duration_seconds_bucket", "le", "0.005")).contains(0.0);
        assertThat(s.value("ovsqos_tick_duration_seconds_bucket", "le", "0.01")).contains(1.0);
        assertThat(s.value("ovsqos_last_tick_timestamp_seconds")).contains((double) at.getEpochSecond());
    }

    @Test
    void buildInfoNamesTheVersion() {
        assertThat(scrape().value("ovsqos_build_info", "version", "dev")).contains(1.0);
    }

    @Test
    void jvmAndProcessSeriesAreBoundOnRequestUnderPrometheusNames() {
        assertThat(scrape().types()).doesNotContainKey("jvm_memory_used_bytes");

        metrics.bindJvmMetrics();

        PrometheusText s = scrape();
        assertThat(s.types()).containsKeys("jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes_total", "jvm_threads_live_threads",
                "process_cpu_usage", "process_uptime_seconds", "process_files_open_files");
        assertThat(s.types()).containsEntry("process_cpu_seconds_total", "counter");
        assertThat(s.value("process_cpu_seconds_total").orElseThrow()).isPositive();
        assertThat(s.types()).as("names promtool check metrics flags")
                .doesNotContainKeys("process_cpu_time_ns_total", "system_cpu_count");
    }
}
