package org.ovsqos.daemon.metrics;

import org.ovsqos.daemon.testing.PrometheusText;

/** For tests of other packages: what a scrape of the endpoint would show of {@code metrics} now. */
public final class MetricsScrape {
    private MetricsScrape() {}

    public static PrometheusText of(DaemonMetrics metrics) {
        try (PrometheusExport export = new PrometheusExport(metrics)) {
            return PrometheusText.parse(export.scrape());
        }
    }
}
