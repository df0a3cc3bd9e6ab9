package org.ovsqos.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ovsqos.daemon.testing.GrafanaDashboard;
import org.ovsqos.daemon.testing.RepositoryFile;

/**
 * The dashboard and the alert rules against what they were written for: a real Prometheus
 * (Debian's) scraping the real daemon every second, the daemon running against a real
 * ovsdb-server with played traffic and one guest of two taken into a penalty. Every query of
 * the dashboard must return data; then the test brings about, one after another, the condition
 * each alert watches, and its expression must return data too.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PrometheusIT {
    private static final Duration DATA = Duration.ofSeconds(60);
    /** How Grafana fills the variables for "all hosts" of the job; 10 s holds ten 1 s scrapes. */
    private static final Map<String, String> ALL_HOSTS =
            Map.of("job", PrometheusServer.JOB, "instance", ".*", "__rate_interval", "10s");
    private static final String VM_ID = "c0ffee00-1b7e-4d2a-8c11-5e6f7a8b9c0d";

    @TempDir
    Path dir;

    private OvsHost host;
    private DaemonProcess daemon;
    private PrometheusServer prometheus;

    @AfterEach
    void cleanUp() {
        for (AutoCloseable c : new AutoCloseable[] {prometheus, daemon, host}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void everyDashboardQueryAndEveryAlertRuleReturnsData() throws Exception {
        host = OvsHost.start();
        Bridge bridge = host.bridge("br-prom");
        bridge.addPort("kvm601.0");
        bridge.set("kvm601.0", "external_ids:vm-id=" + VM_ID);
        bridge.addPort("kvm602.0");
        Path daemonDir = Files.createDirectories(dir.resolve("daemon"));
        QosConfigFile.compressed().withPenalties(120, 4).withMetricsListen("127.0.0.1:0")
                .writeTo(daemonDir.resolve("config.json"));
        daemon = DaemonProcess.in(daemonDir, host.db()).startReady();
        int port = daemon.metricsPort();
        prometheus = PrometheusServer.start(dir.resolve("prometheus"), "127.0.0.1:" + port,
                RepositoryFile.of(AlertRulesIT.RULES));
        Tiers.penalise(host, bridge, daemon, "kvm601.0");
        host.traffic().play("kvm602.0", 10); // a talker below its limit

        GrafanaDashboard dashboard = GrafanaDashboard.load();
        List<GrafanaDashboard.Query> queries = dashboard.queries();
        await("every dashboard query returns data").atMost(DATA).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(withoutData(queries)).isEmpty());
        List<String> job = dashboard.labelValuesQuery("job", ALL_HOSTS);
        assertThat(prometheus.labelValues(job.get(1), job.get(0))).containsExactly(PrometheusServer.JOB);
        List<String> hosts = dashboard.labelValuesQuery("instance", ALL_HOSTS);
        assertThat(prometheus.labelValues(hosts.get(1), hosts.get(0))).containsExactly("127.0.0.1:" + port);

        Map<String, String> alerts = new HashMap<>();
        prometheus.rules().forEach(r -> alerts.put(r.name(), r.query()));
        assertThat(alerts.keySet()).containsExactlyInAnyOrder("OvsQosDown", "OvsQosAbsent", "OvsQosOvsdbDisconnected",
                "OvsQosTicksStalled", "OvsQosStateNotSaved", "OvsQosDriftStorm", "OvsQosManyGuestsPenalised");

        // One guest of two penalised: a half, over the quarter the alert allows.
        awaitData(alerts.get("OvsQosManyGuestsPenalised"));

        // Ticks come every second; asked five seconds ahead, with nothing newer, the rule sees them stopped.
        assertThat(PrometheusServer.hasData(prometheus.query(alerts.get("OvsQosTicksStalled"),
                Instant.now().plusSeconds(5)))).as("OvsQosTicksStalled five seconds ahead").isTrue();

        // Someone's ovs-vsctl fighting the daemon: eleven changes, each written back.
        for (int i = 0; i < 11; i++) {
            bridge.set("kvm602.0", "ingress_policing_rate=" + (1_000 + i));
            bridge.awaitPolicing("kvm602.0", Tiers.BASE);
        }
        awaitData(alerts.get("OvsQosDriftStorm"));

        // A directory where the state file should be: the save after the release fails, and every tick's retry.
        Path state = daemon.files().state();
        Files.deleteIfExists(state);
        Files.createDirectories(state.resolve("in-the-way"));
        daemon.cli("release", "kvm601.0");
        awaitData(alerts.get("OvsQosStateNotSaved"));

        host.server().kill();
        awaitData(alerts.get("OvsQosOvsdbDisconnected"));

        daemon.kill9();
        awaitData(alerts.get("OvsQosDown"));

        prometheus.scrapeNothing();
        awaitData(alerts.get("OvsQosAbsent"));
    }

    private List<String> withoutData(List<GrafanaDashboard.Query> queries) {
        List<String> empty = new ArrayList<>();
        for (GrafanaDashboard.Query q : queries) {
            if (!PrometheusServer.hasData(prometheus.query(q.expr(ALL_HOSTS)))) {
                empty.add(q.toString());
            }
        }
        return empty;
    }

    private void awaitData(String expr) {
        await("data for " + expr).atMost(DATA).pollInterval(Duration.ofMillis(500))
                .until(() -> PrometheusServer.hasData(prometheus.query(expr)));
    }
}
