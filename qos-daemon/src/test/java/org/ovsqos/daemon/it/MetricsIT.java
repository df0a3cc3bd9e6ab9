package org.ovsqos.daemon.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ovsqos.daemon.testing.PrometheusText;

/**
 * {@code metrics_listen}: the daemon's Prometheus endpoint, scraped while a guest is penalised,
 * after a reload refused and one done; every series in base units, and the whole output, JVM and
 * process series included, as {@code promtool check metrics} wants it. Without it, the daemon
 * loads no class of Micrometer or of the Prometheus client, as the JVM's class-loading log shows.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MetricsIT extends DaemonOnOvsHost {
    static final String VM_ID = "9b2e4c1a-6d3f-4e8b-a0c5-7f1e2d3c4b5a";
    /** A line of {@code -Xlog:class+load} naming a class of either library: {@code [0.3s][info][class,load] io.micrometer...}. */
    private static final Pattern METRICS_LIBRARY_CLASS = Pattern.compile("\\] (io\\.micrometer|io\\.prometheus)\\.");
    /**
     * An XML parser or logback's Joran, which only reading a logback.xml would load (but for
     * {@code joran.spi}, where logback keeps a few classes of its own use, such as ConsoleTarget).
     */
    /** JFR's event registry, which Netty fills with its buffer events unless io.netty.jfr.enabled is false. */
    private static final Pattern JFR_EVENT_REGISTRY = Pattern.compile("\\] jdk\\.jfr\\.internal\\.(TypeLibrary|MetadataRepository) ");
    private static final Pattern XML_CONFIGURATION_CLASS =
            Pattern.compile("\\] (ch\\.qos\\.logback\\.core\\.joran\\.(?!spi\\.)"
                    + "|javax\\.xml\\.|org\\.xml\\.sax\\.|com\\.sun\\.org\\.apache\\.xerces\\.)");

    @Test
    void servesEverySeriesInBaseUnitsAndPassesPromtool() throws IOException, InterruptedException {
        bridge = host.bridge("br-metrics");
        bridge.addPort("kvm401.0");
        bridge.set("kvm401.0", "external_ids:vm-id=" + VM_ID);
        QosConfigFile config = QosConfigFile.compressed().withPenalties(120, 4).withMetricsListen("127.0.0.1:0");
        Path classLog = dir.resolve("classes.log");
        daemon = daemon(config).jvmOptions(logClassLoading(classLog)).startReady();
        int port = daemon.metricsPort();
        long penaltyUntil = penalise("kvm401.0");
        Files.writeString(daemon.files().config(), "{\"base_rate_mbit\": \"10\"}");
        assertThat(daemon.cli("reload").exitCode()).isEqualTo(1);
        config.writeTo(daemon.files().config());
        assertThat(daemon.cli("reload").exitCode()).isZero();

        Instant before = Instant.now();
        String body = scrape(port);
        PrometheusText s = PrometheusText.parse(body);

        String[] guest = {"interface", "kvm401.0"};
        assertThat(s.value("ovsqos_interface_tier", guest)).contains(1.0);
        assertThat(s.value("ovsqos_interface_limit_bytes_per_second", guest)).contains(90_000 * 1000 / 8.0);
        assertThat(s.value("ovsqos_interface_base_bytes_per_second", guest)).contains(100_000 * 1000 / 8.0);
        assertThat(s.value("ovsqos_interface_penalty_end_timestamp_seconds", guest).orElseThrow())
                .as("penalty_until of list, which drops the milliseconds").isBetween((double) penaltyUntil, penaltyUntil + 0.999);
        assertThat(s.value("ovsqos_interface_present", guest)).contains(1.0);
        assertThat(s.value("ovsqos_interface_receive_bytes_total", guest).orElseThrow())
                .as("what the traffic player wrote into statistics:rx_bytes").isGreaterThan(1e6);
        assertThat(s.value("ovsqos_interface_info", "interface", "kvm401.0", "vm_id", VM_ID)).contains(1.0);
        assertThat(s.value("ovsqos_interfaces_managed")).contains(1.0);
        assertThat(s.value("ovsqos_interfaces", "tier", "1")).contains(1.0);
        assertThat(s.value("ovsqos_transitions_total", "from", "0", "to", "1")).contains(1.0);
        assertThat(s.value("ovsqos_transitions_total", "from", "2", "to", "0")).as("registered at 0").contains(0.0);
        assertThat(s.value("ovsqos_ovsdb_connection_state", "state", "connected")).contains(1.0);
        assertThat(s.value("ovsqos_ovsdb_transactions_total", "result", "success").orElseThrow()).isPositive();
        assertThat(s.value("ovsqos_state_saves_total", "result", "success").orElseThrow()).isPositive();
        assertThat(s.value("ovsqos_reloads_total", "result", "success")).contains(1.0);
        assertThat(s.value("ovsqos_reloads_total", "result", "failure")).contains(1.0);
        assertThat(s.value("ovsqos_tick_interval_seconds")).contains(1.0);
        assertThat(s.value("ovsqos_tick_duration_seconds_count").orElseThrow()).isPositive();
        assertThat(s.value("ovsqos_last_tick_timestamp_seconds").orElseThrow())
                .isBetween(before.getEpochSecond() - 30.0, before.getEpochSecond() + 30.0);
        assertThat(s.samples("ovsqos_build_info")).singleElement()
                .satisfies(b -> assertThat(b.labels().get("version")).isNotBlank().isNotEqualTo("dev"));
        assertThat(s.types()).containsKeys("jvm_memory_used_bytes", "process_cpu_seconds_total");

        PrometheusTools.Result lint = PrometheusTools.promtool(dir, body.getBytes(UTF_8), "check", "metrics");
        assertThat(lint.exitCode()).as(lint.toString()).isZero();
        assertThat(lint.output()).as("promtool's complaints").isBlank();
        assertThat(Files.readAllLines(classLog)).as("what the class-loading log shows of a daemon serving metrics")
                .anyMatch(l -> METRICS_LIBRARY_CLASS.matcher(l).find());
    }

    @Test
    void withoutMetricsListenNoMicrometerOrPrometheusClassIsLoadedNorAnXmlParser() throws IOException {
        bridge = host.bridge("br-nometrics");
        bridge.addPort("kvm402.0");
        Path classLog = dir.resolve("classes.log");
        daemon = daemon(QosConfigFile.compressed()).jvmOptions(logClassLoading(classLog)).startReady();
        // Every kind of figure the engine reports: a publish of the interface, its limit written,
        // ticks, a state save, a reload.
        daemon.awaitStage("kvm402.0", 0, Duration.ofSeconds(30));
        await("a tick").atMost(Duration.ofSeconds(30)).until(() -> daemon.status().path("last_tick").isIntegralNumber());
        assertThat(daemon.cli("reload").exitCode()).isZero();
        assertThat(daemon.terminate()).isZero();

        List<String> loaded = Files.readAllLines(classLog);
        assertThat(loaded).as("the log names the daemon's own classes")
                .anyMatch(l -> l.contains(" org.ovsqos.daemon.metrics.DaemonMetrics "));
        assertThat(loaded).as("classes of Micrometer or of the Prometheus client")
                .noneMatch(l -> METRICS_LIBRARY_CLASS.matcher(l).find());
        // Logging is configured in code (ClientLoggingConfigurator, LoggingSetup): parsing XML
        // would cost the daemon and every command some 800 classes.
        assertThat(loaded).as("classes of an XML parser or of logback's Joran")
                .noneMatch(l -> XML_CONFIGURATION_CLASS.matcher(l).find());
        assertThat(loaded).as("JFR's event registry (Main turns Netty's JFR events off)")
                .noneMatch(l -> JFR_EVENT_REGISTRY.matcher(l).find());
    }

    /** The JVM logs every class it loads, one line each, to {@code file}. */
    private static List<String> logClassLoading(Path file) {
        return List.of("-Xlog:class+load=info:file=" + file);
    }

    private static String scrape(int port) throws IOException, InterruptedException {
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        return scrape.body();
    }
}
