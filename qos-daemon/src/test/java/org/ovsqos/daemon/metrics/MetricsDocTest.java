package org.ovsqos.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ovsqos.daemon.testing.PrometheusText;
import org.ovsqos.daemon.testing.RepositoryFile;

/** The names are a contract: {@code docs/metrics.md} lists every {@code ovsqos_} series the daemon serves, and no other. */
class MetricsDocTest {
    private static final Pattern DOCUMENTED = Pattern.compile("\\bovsqos_[a-z0-9_]*[a-z0-9]\\b");
    /** A row of the page's tables: {@code | `name` | type | ...}. */
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `(ovsqos_[a-z0-9_]+)` \\|", Pattern.MULTILINE);

    @Test
    void theMetricsPageListsEveryServedSeriesAndNamesNoOther() throws IOException {
        String page = Files.readString(RepositoryFile.of("docs/metrics.md"));
        PrometheusText scrape = everything();
        Set<String> families = scrape.types().keySet().stream().filter(n -> n.startsWith("ovsqos_"))
                .collect(Collectors.toSet());
        Set<String> served = new HashSet<>(families);
        scrape.samples().forEach(s -> served.add(s.name()));

        Set<String> listed = TABLE_ROW.matcher(page).results().map(m -> m.group(1)).collect(Collectors.toSet());
        assertThat(listed).as("the tables of docs/metrics.md").containsExactlyInAnyOrderElementsOf(families);
        List<String> named = DOCUMENTED.matcher(page).results().map(MatchResult::group).distinct().toList();
        assertThat(served).as("every ovsqos_ name docs/metrics.md uses").containsAll(named);
    }

    /** A daemon's scrape with a tier configured, an interface, a tick: every series it can serve. */
    private static PrometheusText everything() {
        DaemonMetrics metrics = new DaemonMetrics();
        try (PrometheusExport export = new PrometheusExport(metrics)) {
            metrics.configure(2, Duration.ofSeconds(60));
            metrics.interfacesFrom(() -> List.of(DaemonMetricsTest.idle("kvm101.0", 1)));
            metrics.tick(Instant.now(), Duration.ofMillis(3));
            return PrometheusText.parse(export.scrape());
        }
    }
}
