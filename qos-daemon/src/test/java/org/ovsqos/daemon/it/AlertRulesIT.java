package org.ovsqos.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ovsqos.daemon.testing.RepositoryFile;

/**
 * The alert rules shipped in {@code packaging/prometheus/}: valid for Prometheus, and each alert
 * fires when its condition holds long enough and not otherwise ({@code ovs-qos.rules.test.yml}).
 * {@code PrometheusIT} evaluates every rule against a real daemon.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AlertRulesIT {
    static final String RULES = "packaging/prometheus/ovs-qos.rules.yml";
    static final String RULE_TESTS = "packaging/prometheus/ovs-qos.rules.test.yml";

    @Test
    void theRulesAreValid() {
        Path rules = RepositoryFile.of(RULES);

        PrometheusTools.Result check = PrometheusTools.promtool(rules.getParent(), new byte[0], "check", "rules",
                rules.getFileName().toString());

        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.output()).contains("SUCCESS: 7 rules found");
    }

    @Test
    void eachAlertFiresWhenItShouldAndOnlyThen() {
        Path tests = RepositoryFile.of(RULE_TESTS);

        PrometheusTools.Result test = PrometheusTools.promtool(tests.getParent(), new byte[0], "test", "rules",
                tests.getFileName().toString());

        assertThat(test.exitCode()).as(test.toString()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }
}
