package org.ovsqos.ovsdb.client;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/** {@link BackoffPolicy#exponential}; the random source is injectable for tests. */
final class ExponentialBackoff implements BackoffPolicy {

    private final Duration min;
    private final Duration max;
    private final double jitter;
    private final DoubleSupplier random;

    ExponentialBackoff(Duration min, Duration max, double jitter, DoubleSupplier random) {
        this.min = Objects.requireNonNull(min, "min");
        this.max = Objects.requireNonNull(max, "max");
        this.random = Objects.requireNonNull(random, "random");
        if (min.isNegative() || min.isZero()) {
            throw new IllegalArgumentException("minimum backoff must be positive, got " + min);
        }
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("maximum backoff " + max + " is below the minimum " + min);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
        }
        this.jitter = jitter;
    }

    @Override
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, got " + attempt);
        }
        long maxNanos = max.toNanos();
        long base = min.toNanos();
        // Doubling stops at max; the loop is bounded by 63 doublings, so huge attempts are cheap.
        for (int i = 1; i < attempt && base < maxNanos; i++) {
            base = base > maxNanos / 2 ? maxNanos : base * 2;
        }
        base = Math.min(base, maxNanos);
        double cut = jitter * Math.min(1.0, Math.max(0.0, random.getAsDouble()));
        return Duration.ofNanos(Math.round(base * (1.0 - cut)));
    }

    @Override
    public String toString() {
        return "exponential backoff " + min.toMillis() + "-" + max.toMillis() + " ms, jitter " + jitter;
    }
}
