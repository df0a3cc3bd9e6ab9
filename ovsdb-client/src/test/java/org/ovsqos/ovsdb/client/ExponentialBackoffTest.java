package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {

    private static final Duration MIN = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(1);

    @Test
    void doublesFromTheMinimumUpToTheMaximum() {
        ExponentialBackoff backoff = new ExponentialBackoff(MIN, MAX, 0.0, () -> 0.5);

        assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delay(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.delay(5)).isEqualTo(MAX);
        assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(MAX);
    }

    @Test
    void jitterTakesOffAtMostItsFraction() {
        assertThat(new ExponentialBackoff(MIN, MAX, 0.5, () -> 1.0).delay(1)).isEqualTo(Duration.ofMillis(50));
        assertThat(new ExponentialBackoff(MIN, MAX, 0.5, () -> 0.0).delay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(new ExponentialBackoff(MIN, MAX, 0.5, () -> 0.5).delay(10)).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void rejectsAttemptsBelowOne() {
        assertThatThrownBy(() -> new ExponentialBackoff(MIN, MAX, 0, () -> 0).delay(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
