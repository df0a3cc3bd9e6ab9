package org.ovsqos.ovsdb.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a {@link OvsdbSession} waits before its next connection attempt. Injectable, so that a
 * test or an application with its own retry rules can replace the default exponential backoff.
 */
@FunctionalInterface
public interface BackoffPolicy {

    /**
     * @param attempt 1 for the first retry after a connection failed or was lost, 2 for the next,
     *     and so on; it starts again at 1 after a successful connection
     * @return a non-negative delay
     */
    Duration delay(int attempt);

    /**
     * Doubles from {@code min} up to {@code max}, then takes off a random fraction of up to
     * {@code jitter} so that many clients restarted together by one server restart do not
     * reconnect in lockstep. Every delay lies in {@code [min × (1 − jitter), max]}.
     *
     * @param jitter between 0 (none) and 1
     */
    static BackoffPolicy exponential(Duration min, Duration max, double jitter) {
        return new ExponentialBackoff(min, max, jitter, () -> ThreadLocalRandom.current().nextDouble());
    }
}
