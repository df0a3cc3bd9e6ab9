package org.ovsqos.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

/** The daemon's figures as the endpoint serves them; the per-interface series are {@link InterfaceCollectorTest}'s. */
class DaemonMetricsTest {
    static final String VM = "5d3f1a2e-7c41-4b8e-9a06-2f1c3b4d5e6f";
    static final Instant UNTIL = Instant.parse("2025-03-01T13:00:00Z");

    private final DaemonMetrics metrics = new DaemonMetrics();
    private final PrometheusExport export = new PrometheusExport(metrics);

    @AfterEach
    void close() {
        export.close();
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
        return PrometheusText.parse(export.scrape());
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
        metrics.interfacesFrom(() -> List.of(idle("kvm101.0", 1), penalised("kvm102.0", 2, true),
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
        // The process table's start (10 ms ticks) and the JVM's own idea of it are a moment apart.
        assertThat(scrape().value("ovsqos_last_tick_timestamp_seconds")).as("before the first tick: the process's start")
                .hasValueSatisfying(start -> assertThat(start)
                        .isCloseTo(ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0, within(2.0)));

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
    void aReloadThatRemovesTiersKeepsTheirSeries() {
        metrics.configure(3, Duration.ofSeconds(60));
        scrape();
        metrics.configure(1, Duration.ofSeconds(60));

        PrometheusText s = scrape();
        assertThat(s.samples("ovsqos_interfaces")).extracting(x -> x.labels().get("tier"))
                .containsExactlyInAnyOrder("0", "1", "2", "3");
        assertThat(s.value("ovsqos_transitions_total", "from", "3", "to", "0")).contains(0.0);
    }

    @Test
    void figuresReportedBeforeTheEndpointStartsAreServedOnceItHas() {
        DaemonMetrics early = new DaemonMetrics();
        early.configure(2, Duration.ofSeconds(30));
        early.transaction(true);
        early.stateSaved(false);
        early.reloaded(true);
        early.driftRestored();
        early.ovsdbReconnected();
        early.transition(0, 1);
        early.ovsdbState(ConnectionState.CONNECTED);
        early.interfacesFrom(() -> List.of(idle("kvm101.0", 7), penalised("kvm102.0", 1, true)));
        early.tick(Instant.parse("2030-01-01T08:00:00Z"), Duration.ofMillis(7));

        try (PrometheusExport later = new PrometheusExport(early)) {
            PrometheusText s = PrometheusText.parse(later.scrape());
            assertThat(s.value("ovsqos_ovsdb_transactions_total", "result", "success")).contains(1.0);
            assertThat(s.value("ovsqos_state_saves_total", "result", "failure")).contains(1.0);
            assertThat(s.value("ovsqos_reloads_total", "result", "success")).contains(1.0);
            assertThat(s.value("ovsqos_drift_restores_total")).contains(1.0);
            assertThat(s.value("ovsqos_ovsdb_reconnects_total")).contains(1.0);
            assertThat(s.value("ovsqos_transitions_total", "from", "0", "to", "1")).contains(1.0);
            assertThat(s.value("ovsqos_ovsdb_connection_state", "state", "connected")).contains(1.0);
            assertThat(s.value("ovsqos_interfaces_managed")).contains(2.0);
            assertThat(s.value("ovsqos_interfaces", "tier", "1")).contains(1.0);
            assertThat(s.value("ovsqos_interface_receive_bytes_total", "interface", "kvm101.0")).contains(7.0);
            assertThat(s.value("ovsqos_tick_interval_seconds")).contains(30.0);
            assertThat(s.value("ovsqos_last_tick_timestamp_seconds")).contains(1.8934848E9);
            assertThat(s.value("ovsqos_tick_duration_seconds_count")).as("the histogram starts with the endpoint")
                    .contains(0.0);
        }
    }

    @Test
    void buildInfoNamesTheVersion() {
        assertThat(scrape().value("ovsqos_build_info", "version", "dev")).contains(1.0);
    }

    @Test
    void jvmAndProcessSeriesAreBoundOnRequestUnderPrometheusNames() {
        assertThat(scrape().types()).doesNotContainKey("jvm_memory_used_bytes");

        export.bindJvmMetrics();

        PrometheusText s = scrape();
        assertThat(s.types()).containsKeys("jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes_total", "jvm_threads_live_threads",
                "process_cpu_usage", "process_uptime_seconds", "process_files_open_files");
        assertThat(s.types()).containsEntry("process_cpu_seconds_total", "counter");
        assertThat(s.value("process_cpu_seconds_total").orElseThrow()).isPositive();
        assertThat(s.types()).as("names promtool check metrics flags")
                .doesNotContainKeys("process_cpu_time_ns_total", "system_cpu_count");
    }
}
