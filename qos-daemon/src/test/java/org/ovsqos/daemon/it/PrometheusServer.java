package org.ovsqos.daemon.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private Prometheus server on 127.0.0.1: its own config, data directory and port in a temp
 * dir, scraping one target every second in job {@code ovs-qos} and evaluating the rules of
 * {@code packaging/prometheus/ovs-qos.rules.yml}. Asked through its HTTP API, as Grafana asks it.
 */
final class PrometheusServer implements AutoCloseable {
    static final String JOB = "ovs-qos";
    static final Duration STARTUP = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One rule as Prometheus loaded it. */
    record Rule(String name, String type, String query) {}

    private final Path dir;
    private final Path rules;
    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private PrometheusServer(Path dir, Path rules, Process process, int port) {
        this.dir = dir;
        this.rules = rules;
        this.process = process;
        this.port = port;
    }

    /** Starts it scraping {@code target} (HOST:PORT) and waits until it is ready. */
    static PrometheusServer start(Path dir, String target, Path rules) {
        try {
            Files.createDirectories(dir);
            writeConfig(dir, rules, List.of(target));
            int port = freePort();
            Process process = new ProcessBuilder(PrometheusTools.binary("prometheus").toString(),
                    "--config.file=" + dir.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port,
                    "--web.enable-lifecycle")
                    .directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            PrometheusServer server = new PrometheusServer(dir, rules, process, port);
            try {
                await("Prometheus ready on port " + port).atMost(STARTUP).pollInterval(Duration.ofMillis(200))
                        .ignoreExceptions()
                        .failFast("prometheus exited: " + server.logTail(), () -> !process.isAlive())
                        .until(() -> server.get("/-/ready").statusCode() == 200);
            } catch (RuntimeException | Error e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeConfig(Path dir, Path rules, List<String> targets) throws IOException {
        // 1 s scrapes and evaluations keep the test short; a timeout may not exceed the interval.
        String config = """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                rule_files:
                  - "%s"
                scrape_configs:
                  - job_name: "%s"
                    static_configs:
                      - targets: [%s]
                """.formatted(rules, JOB, String.join(", ", targets.stream().map(t -> "\"" + t + "\"").toList()));
        Files.writeString(dir.resolve("prometheus.yml"), config);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops scraping every target, as when service discovery loses them all; returns once reloaded. */
    void scrapeNothing() {
        try {
            writeConfig(dir, rules, List.of());
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(uri("/-/reload"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new AssertionError("reload refused: " + reply.statusCode() + " " + reply.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The rules Prometheus loaded, each with the query it evaluates. */
    List<Rule> rules() {
        List<Rule> found = new ArrayList<>();
        for (JsonNode group : api("/api/v1/rules", Map.of()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                found.add(new Rule(rule.path("name").asText(), rule.path("type").asText(), rule.path("query").asText()));
            }
        }
        return found;
    }

    /** An instant query now: the {@code data} of the answer ({@code resultType}, {@code result}). */
    JsonNode query(String promql) {
        return api("/api/v1/query", Map.of("query", promql));
    }

    /** An instant query evaluated at {@code at}, which may be in the future. */
    JsonNode query(String promql, Instant at) {
        return api("/api/v1/query", Map.of("query", promql, "time", Long.toString(at.getEpochSecond())));
    }

    /** The values {@code label} takes in the series {@code match} selects, as Grafana's {@code label_values} asks. */
    List<String> labelValues(String label, String match) {
        List<String> values = new ArrayList<>();
        api("/api/v1/label/" + label + "/values", Map.of("match[]", match)).forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Whether an answer of {@link #query} holds at least one value that is a number. */
    static boolean hasData(JsonNode data) {
        JsonNode result = data.path("result");
        if (data.path("resultType").asText().equals("scalar")) {
            return !result.get(1).asText().equals("NaN");
        }
        for (JsonNode series : result) {
            if (!series.path("value").path(1).asText("NaN").equals("NaN")) {
                return true;
            }
        }
        return false;
    }

    private JsonNode api(String path, Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, UTF_8)));
        try {
            HttpResponse<String> reply = get(path + query);
            JsonNode body = JSON.readTree(reply.body());
            if (reply.statusCode() != 200 || !body.path("status").asText().equals("success")) {
                throw new AssertionError(path + " " + params + " failed: " + reply.statusCode() + " " + reply.body());
            }
            return body.path("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("prometheus.log"), UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
