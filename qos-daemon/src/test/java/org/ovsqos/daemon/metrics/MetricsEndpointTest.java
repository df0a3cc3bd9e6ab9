package org.ovsqos.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovsqos.daemon.admin.InterfaceView;

class MetricsEndpointTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DaemonMetrics metrics = new DaemonMetrics(registry);
    private final HttpClient http = HttpClient.newHttpClient();
    private MetricsEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        metrics.bindJvmMetrics();
        metrics.updateInterfaces(List.of(new InterfaceView("kvm101.0", 0, 1_000_000, 100_000, 1_000_000,
                Optional.empty(), 42.0, OptionalDouble.empty(), true)));
        endpoint = MetricsEndpoint.start(new InetSocketAddress("127.0.0.1", 0), registry);
    }

    @AfterEach
    void stop() {
        endpoint.close();
        metrics.close();
        registry.close();
    }

    private HttpResponse<String> get(String path, String method) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + endpoint.address().getPort() + path);
        return http.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePrometheusScrapeOnMetrics() throws Exception {
        HttpResponse<String> response = get("/metrics", "GET");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(MetricsEndpoint.CONTENT_TYPE);
        assertThat(response.body())
                .contains("ovsqos_interface_mbps{interface=\"kvm101.0\"} 42.0")
                .contains("ovsqos_interfaces_managed 1.0")
                .contains("ovsqos_ovsdb_transactions_total{outcome=\"failure\"} 0.0")
                .contains("ovsqos_tick_duration_seconds_count 0")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        assertThat(get("/", "GET").statusCode()).isEqualTo(404);
        assertThat(get("/metrics/x", "GET").statusCode()).isEqualTo(404);
        assertThat(get("/metrics", "POST").statusCode()).isEqualTo(405);
        assertThat(get("/metrics", "HEAD").statusCode()).isEqualTo(200);
    }

    @Test
    void bindsTheRequestedAddress() {
        InetSocketAddress bound = endpoint.address();

        assertThat(bound.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(bound.getPort()).isPositive();
    }
}
