package org.ovsqos.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ovsqos.daemon.testing.GrafanaDashboard;
import org.ovsqos.daemon.testing.PrometheusText;

/**
 * The Grafana dashboard's structure, without Grafana (it is not in Debian): its variables, its
 * panels, and that every query names series the daemon serves. {@code PrometheusIT} runs every
 * query against a real Prometheus scraping a real daemon.
 */
class DashboardTest {
    /** Metric names in a PromQL expression: the daemon's families, and Prometheus's own {@code up}. */
    private static final Pattern METRIC = Pattern.compile("\\b(?:(?:ovsqos|jvm|process)_[a-zA-Z0-9_]+|up)\\b(?!\\s*\\()");
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)");
    private static final Set<String> GRAFANA_VARIABLES = Set.of("__rate_interval", "__interval", "__range");
    private static final String DATASOURCE = "${datasource}";

    private final GrafanaDashboard dashboard = GrafanaDashboard.load();

    @Test
    void offersADataSourceAJobAndAHostVariable() {
        JsonNode datasource = dashboard.variable("datasource");
        assertThat(datasource.path("type").asText()).isEqualTo("datasource");
        assertThat(datasource.path("query").asText()).isEqualTo("prometheus");

        JsonNode job = dashboard.variable("job");
        assertThat(job.path("type").asText()).isEqualTo("query");
        assertThat(job.path("datasource").path("uid").asText()).isEqualTo(DATASOURCE);

        JsonNode host = dashboard.variable("instance");
        assertThat(host.path("type").asText()).isEqualTo("query");
        assertThat(host.path("datasource").path("uid").asText()).isEqualTo(DATASOURCE);
        assertThat(host.path("multi").asBoolean()).as("one host or several").isTrue();
        assertThat(host.path("includeAll").asBoolean()).as("the whole fleet").isTrue();
        assertThat(host.path("allValue").asText()).isEqualTo(".*");
        assertThat(host.path("definition").asText()).contains("$job");
    }

    @Test
    void everyPanelReadsTheChosenDataSourceAndFitsTheGrid() {
        Set<Integer> ids = new HashSet<>();
        dashboard.root().path("panels").forEach(p -> assertThat(ids.add(p.path("id").asInt()))
                .as("panel id %s is unique", p.path("id")).isTrue());
        for (JsonNode panel : dashboard.panels()) {
            String title = panel.path("title").asText();
            assertThat(title).isNotBlank();
            assertThat(panel.path("description").asText()).as(title).isNotBlank();
            assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo(DATASOURCE);
            JsonNode grid = panel.path("gridPos");
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(title).isBetween(1, 24);
            assertThat(grid.path("h").asInt()).as(title).isPositive();
            assertThat(panel.path("targets")).as(title).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("datasource").path("uid").asText()).as(title).isEqualTo(DATASOURCE);
                assertThat(target.path("expr").asText()).as(title).isNotBlank();
            }
        }
    }

    @Test
    void hasThePanelsAFleetIsWatchedBy() {
        assertThat(dashboard.panels()).extracting(p -> p.path("title").asText()).contains(
                "Daemons up", "Guests by tier", "Top talkers against their limits", "Top talkers now",
                "Tier transitions", "Penalties ending soon", "OVSDB connection state", "OVSDB reconnects",
                "Tick duration", "Time since the last tick", "State-file saves and reloads", "Daemon up");
    }

    @Test
    void everyQueryNamesOnlySeriesTheDaemonServesAndOnlyKnownVariables() {
        Set<String> served = servedNames();
        Set<String> variables = new HashSet<>(GRAFANA_VARIABLES);
        dashboard.root().path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));

        for (GrafanaDashboard.Query query : dashboard.queries()) {
            List<String> names = METRIC.matcher(query.expr()).results().map(MatchResult::group).toList();
            assertThat(names).as("metrics named by %s", query).isNotEmpty();
            assertThat(served).as("served series, for %s", query).containsAll(names);
            List<String> used = VARIABLE.matcher(query.expr()).results().map(m -> m.group(1)).toList();
            assertThat(variables).as("variables, for %s", query).containsAll(used);
        }
    }

    /** Every sample name a daemon with an interface, a tick and JVM metrics serves, and Prometheus's {@code up}. */
    static Set<String> servedNames() {
        DaemonMetrics metrics = new DaemonMetrics();
        try (PrometheusExport export = new PrometheusExport(metrics)) {
            metrics.configure(2, Duration.ofSeconds(60));
            metrics.interfacesFrom(() -> List.of(DaemonMetricsTest.idle("kvm101.0", 1)));
            metrics.tick(Instant.now(), Duration.ofMillis(3));
            export.bindJvmMetrics();
            Set<String> names = new HashSet<>(Set.of("up"));
            PrometheusText.parse(export.scrape()).samples().forEach(s -> names.add(s.name()));
            return names;
        }
    }
}
