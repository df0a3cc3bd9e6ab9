package org.ovsqos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

/**
 * How often a property's runs reached a case. A property that passes because its generators
 * never reach the interesting case proves nothing, and QuickTheories does not check that: the
 * property collects here on every run and asserts the share once the runs are done.
 */
final class Coverage {
    /** Per label: runs, and runs that reached the case. */
    private final Map<String, int[]> counts = new HashMap<>();

    void collect(String label, boolean reached) {
        int[] c = counts.computeIfAbsent(label, k -> new int[2]);
        c[0]++;
        if (reached) {
            c[1]++;
        }
    }

    void assertAtLeast(String label, double share) {
        int[] c = counts.getOrDefault(label, new int[2]);
        assertThat(c[0]).as("runs that collected %s", label).isPositive();
        assertThat((double) c[1] / c[0]).as("share of runs where %s: %d of %d", label, c[1], c[0])
                .isGreaterThanOrEqualTo(share);
    }
}
