package org.ovsqos.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code metrics_listen}: the daemon's Prometheus endpoint, scraped while a guest is penalised. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MetricsIT {
    /** What the daemon logs once its endpoint is bound, with the port the kernel chose. */
    private static final Pattern LISTENING = Pattern.compile("metrics endpoint listening address=\\S*:(\\d+)/metrics");

    @TempDir
    Path dir;

    private OvsHost host;
    private Bridge bridge;
    private DaemonProcess daemon;

    @AfterEach
    void cleanUp() {
        if (daemon != null) {
            daemon.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void servesTheInterfaceGaugesAndCountersToPrometheus() throws IOException, InterruptedException {
        host = OvsHost.start();
        bridge = host.bridge("br-metrics");
        bridge.addPort("kvm401.0");
        QosConfigFile.compressed().withPenalties(120, 4).withMetricsListen("127.0.0.1:0")
                .writeTo(dir.resolve("config.json"));
        daemon = DaemonProcess.in(dir, host.db()).startReady();
        Matcher listening = LISTENING.matcher(daemon.awaitLog(LISTENING.pattern()));
        assertThat(listening.find()).isTrue();
        Tiers.penalise(host, bridge, daemon, "kvm401.0");

        HttpResponse<String> scrape = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listening.group(1) + "/metrics"))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body().lines())
                .contains("ovsqos_interface_stage{interface=\"kvm401.0\"} 1.0")
                .contains("ovsqos_interface_limit_kbps{interface=\"kvm401.0\"} 90000.0")
                .contains("ovsqos_interface_present{interface=\"kvm401.0\"} 1.0")
                .contains("ovsqos_interfaces_managed 1.0")
                .contains("ovsqos_ovsdb_connected 1.0")
                .anyMatch(l -> l.startsWith("ovsqos_transitions_total{") && l.contains("from=\"0\"")
                        && l.contains("to=\"1\"") && l.endsWith(" 1.0"))
                .anyMatch(l -> l.startsWith("ovsqos_ovsdb_transactions_total{outcome=\"success\"}"))
                .anyMatch(l -> l.startsWith("ovsqos_tick_duration_seconds_count"))
                .anyMatch(l -> l.startsWith("jvm_memory_used_bytes"));
    }
}
