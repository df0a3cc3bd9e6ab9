package org.ovsqos.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ovsqos.daemon.admin.InterfaceView;

class DaemonMetricsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DaemonMetrics metrics = new DaemonMetrics(registry);

    @AfterEach
    void close() {
        metrics.close();
        registry.close();
    }

    private static InterfaceView view(String name, int stage, long limitKbps, double mbps, boolean present) {
        return new InterfaceView(name, stage, limitKbps, 80_000, 1_000_000,
                stage == 0 ? Optional.empty() : Optional.of(Instant.parse("2025-03-01T13:00:00Z")),
                mbps, OptionalDouble.empty(), present);
    }

    @Test
    void perInterfaceGaugesFollowTheSnapshot() {
        metrics.updateInterfaces(List.of(view("kvm101.0", 0, 1_000_000, 12.5, true),
                view("kvm102.0", 2, 800_000, 912.4, true)));

        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("ovsqos_interface_mbps{interface=\"kvm102.0\"} 912.4")
                .contains("ovsqos_interface_stage{interface=\"kvm102.0\"} 2.0")
                .contains("ovsqos_interface_limit_kbps{interface=\"kvm102.0\"} 800000.0")
                .contains("ovsqos_interface_present{interface=\"kvm101.0\"} 1.0")
                .contains("ovsqos_interfaces_managed 2.0");

        metrics.updateInterfaces(List.of(view("kvm102.0", 1, 900_000, 50.0, false)));

        scrape = registry.scrape();
        assertThat(scrape)
                .doesNotContain("interface=\"kvm101.0\"")
                .contains("ovsqos_interface_stage{interface=\"kvm102.0\"} 1.0")
                .contains("ovsqos_interface_present{interface=\"kvm102.0\"} 0.0")
                .contains("ovsqos_interfaces_managed 1.0");
    }

    @Test
    void countersAndTheTickTimerAreExposed() {
        metrics.transition(0, 1);
        metrics.transition(0, 1);
        metrics.transition(1, 2);
        metrics.ovsdbReconnected();
        metrics.ovsdbConnected(true);
        metrics.transaction(true);
        metrics.transaction(true);
        metrics.transaction(false);
        metrics.tick(Duration.ofMillis(15));

        assertThat(registry.scrape())
                .contains("ovsqos_transitions_total{from=\"0\",to=\"1\"} 2.0")
                .contains("ovsqos_transitions_total{from=\"1\",to=\"2\"} 1.0")
                .contains("ovsqos_ovsdb_reconnects_total 1.0")
                .contains("ovsqos_ovsdb_connected 1.0")
                .contains("ovsqos_ovsdb_transactions_total{outcome=\"success\"} 2.0")
                .contains("ovsqos_ovsdb_transactions_total{outcome=\"failure\"} 1.0")
                .contains("ovsqos_tick_duration_seconds_count 1")
                .contains("ovsqos_tick_duration_seconds_sum 0.015");
    }

    @Test
    void jvmMetricsAreBoundOnRequest() {
        assertThat(registry.scrape()).doesNotContain("jvm_memory_used_bytes");

        metrics.bindJvmMetrics();

        assertThat(registry.scrape()).contains("jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads",
                "process_cpu_usage", "process_uptime_seconds");
    }
}
