package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ovsqos.ovsdb.testing.Seeds;

/** The exponential backoff's bounds, over random parameters (one seed per case). */
class BackoffProperties {

    static LongStream seeds() {
        return Seeds.of(500);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyDelayStaysWithinItsBounds(long seed) {
        Random random = new Random(seed);
        Duration min = Duration.ofMillis(1 + random.nextInt(60_000));
        Duration max = min.plusMillis(random.nextInt(600_001));
        double jitter = random.nextDouble();
        double draw = random.nextDouble();
        int attempt = 1 + random.nextInt(random.nextBoolean() ? 20 : Integer.MAX_VALUE);

        Duration delay = new ExponentialBackoff(min, max, jitter, () -> draw).delay(attempt);

        assertThat(delay.toNanos()).isBetween((long) Math.floor(min.toNanos() * (1 - jitter)), max.toNanos());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void withoutJitterDelaysNeverShrinkAsAttemptsGrow(long seed) {
        Random random = new Random(seed);
        long minMillis = 1 + random.nextInt(10_000);
        ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofMillis(minMillis),
                Duration.ofMillis(minMillis + random.nextInt(100_001)), 0, () -> 0);

        for (int attempt = 1; attempt < 70; attempt++) {
            assertThat(backoff.delay(attempt + 1)).isGreaterThanOrEqualTo(backoff.delay(attempt));
        }
    }
}
