package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class BackoffProperties {

    @Property
    void everyDelayStaysWithinItsBounds(@ForAll @LongRange(min = 1, max = 60_000) long minMillis,
            @ForAll @LongRange(min = 0, max = 600_000) long extraMillis,
            @ForAll @DoubleRange(min = 0, max = 1) double jitter,
            @ForAll @DoubleRange(min = 0, max = 1) double random,
            @ForAll @IntRange(min = 1) int attempt) {
        Duration min = Duration.ofMillis(minMillis);
        Duration max = min.plusMillis(extraMillis);

        Duration delay = new ExponentialBackoff(min, max, jitter, () -> random).delay(attempt);

        assertThat(delay.toNanos()).isBetween((long) Math.floor(min.toNanos() * (1 - jitter)), max.toNanos());
    }

    @Property
    void withoutJitterDelaysNeverShrinkAsAttemptsGrow(@ForAll @LongRange(min = 1, max = 10_000) long minMillis,
            @ForAll @LongRange(min = 0, max = 100_000) long extraMillis,
            @ForAll @IntRange(min = 1, max = 1_000) int attempt) {
        ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofMillis(minMillis),
                Duration.ofMillis(minMillis + extraMillis), 0, () -> 0);

        assertThat(backoff.delay(attempt + 1)).isGreaterThanOrEqualTo(backoff.delay(attempt));
    }
}
