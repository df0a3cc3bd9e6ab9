package org.ovsqos.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Durations of repeated measurements, in milliseconds. Percentiles by nearest rank (the smallest
 * sample with at least p % of the samples at or below it), so p99 of 200 samples is the 198th:
 * no interpolation invents a value that never happened.
 */
final class Samples {
    private final double[] millis;

    private Samples(double[] millis) {
        if (millis.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        this.millis = millis.clone();
        Arrays.sort(this.millis);
    }

    static Samples ofNanos(long[] nanos) {
        return new Samples(Arrays.stream(nanos).mapToDouble(n -> n / 1e6).toArray());
    }

    static Samples ofMillis(double[] millis) {
        return new Samples(millis);
    }

    int count() {
        return millis.length;
    }

    double percentile(double p) {
        int rank = (int) Math.ceil(p / 100.0 * millis.length);
        return millis[Math.max(0, Math.min(millis.length - 1, rank - 1))];
    }

    double median() {
        return percentile(50);
    }

    double min() {
        return millis[0];
    }

    double max() {
        return millis[millis.length - 1];
    }

    double mean() {
        return Arrays.stream(millis).average().orElseThrow();
    }

    /** {@code n=300 min=… p50=… p90=… p99=… max=… mean=…} in ms. */
    String describe() {
        return String.format(Locale.ROOT, "n=%d min=%.2f p50=%.2f p90=%.2f p95=%.2f p99=%.2f max=%.2f mean=%.2f ms",
                count(), min(), median(), percentile(90), percentile(95), percentile(99), max(), mean());
    }
}
