package org.ovsqos.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovsqos.daemon.testing.PrometheusText;

/** The endpoint is the Prometheus client's server: what a scraper may ask of it. */
class MetricsEndpointTest {
    private final DaemonMetrics metrics = new DaemonMetrics();
    private final HttpClient http = HttpClient.newHttpClient();
    private MetricsEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        metrics.interfacesFrom(() -> List.of(DaemonMetricsTest.idle("kvm101.0", 4242)));
        endpoint = MetricsEndpoint.start(new InetSocketAddress("127.0.0.1", 0), metrics);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + endpoint.address().getPort() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void servesTheTextFormatWhenNothingElseIsAsked() throws Exception {
        HttpResponse<byte[]> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        PrometheusText scrape = PrometheusText.parse(text(response));
        assertThat(scrape.value("ovsqos_interface_receive_bytes_total", "interface", "kvm101.0")).contains(4242.0);
        assertThat(scrape.value("ovsqos_interfaces_managed")).contains(1.0);
        assertThat(scrape.types()).containsKey("jvm_memory_used_bytes");
    }

    @Test
    void servesOpenMetricsToAScraperThatAsksForIt() throws Exception {
        HttpResponse<byte[]> response = get("/metrics", "Accept",
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");

        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/openmetrics-text; version=1.0.0");
        assertThat(text(response)).contains("# TYPE ovsqos_interface info").endsWith("# EOF\n");
    }

    @Test
    void compressesWithGzipWhenAsked() throws Exception {
        HttpResponse<byte[]> response = get("/metrics", "Accept-Encoding", "gzip");

        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("ovsqos_build_info");
        }
    }

    @Test
    void servesOnlyTheSeriesAskedForByName() throws Exception {
        PrometheusText scrape = PrometheusText.parse(text(get("/metrics?name[]=ovsqos_build_info")));

        assertThat(scrape.types()).containsOnlyKeys("ovsqos_build_info");
    }

    @Test
    void answersAHealthCheck() throws Exception {
        assertThat(get("/-/healthy").statusCode()).isEqualTo(200);
    }

    @Test
    void bindsTheRequestedAddress() {
        InetSocketAddress bound = endpoint.address();

        assertThat(bound.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(bound.getPort()).isPositive();
    }
}
