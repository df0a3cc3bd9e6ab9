package org.ovsqos.daemon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ovsqos.daemon.admin.ConnectionState;
import org.ovsqos.daemon.metrics.DaemonMetrics;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.OvsdbTimeoutException;
import org.ovsqos.ovsdb.OvsdbUnresponsiveException;
import org.ovsqos.ovsdb.client.SessionEvent;
import org.ovsqos.ovsdb.client.SessionState;

/** What {@code status} says of the OVSDB link through an outage and its retries. */
class OvsdbLinkTrackerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final OvsdbLinkTracker link = new OvsdbLinkTracker("unix:/run/db.sock",
            new DaemonMetrics(new SimpleMeterRegistry()));

    @Test
    void theOutageKeepsTheTimeItBeganAcrossEveryRetry() {
        link.onEvent(event(SessionState.CONNECTED, null), T0);
        link.onEvent(event(SessionState.DISCONNECTED, new OvsdbConnectionException("closed by the server")), at(10));

        for (int retry = 1; retry <= 5; retry++) {
            link.onEvent(event(SessionState.CONNECTING, null), at(10 + 8 * retry));
            link.onEvent(event(SessionState.DISCONNECTED, new OvsdbConnectionException("connection refused")),
                    at(10 + 8 * retry));
        }

        assertThat(link.view().downSince()).hasValue(at(10));
        assertThat(link.view().failedAttempts()).isEqualTo(6);
        assertThat(link.view().state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(link.view().lastError()).hasValue("connection refused");
        link.onEvent(event(SessionState.CONNECTED, null), at(60));
        assertThat(link.view().downSince()).isEmpty();
        assertThat(link.view().failedAttempts()).isZero();
        assertThat(link.view().since()).hasValue(at(60));
    }

    @Test
    void aServerThatStoppedAnsweringStaysUnresponsiveWhileTheSessionRetries() {
        link.onEvent(event(SessionState.CONNECTED, null), T0);
        link.onEvent(event(SessionState.DISCONNECTED,
                new OvsdbUnresponsiveException("inactivity probe unanswered")), at(30));
        assertThat(link.view().state()).isEqualTo(ConnectionState.UNRESPONSIVE);
        assertThat(link.connected()).isFalse();

        link.onEvent(event(SessionState.CONNECTING, null), at(31));
        assertThat(link.view().state()).as("a new socket connects, but nothing answers yet")
                .isEqualTo(ConnectionState.UNRESPONSIVE);
        link.onEvent(event(SessionState.DISCONNECTED, new OvsdbTimeoutException("get_schema timed out")), at(61));
        assertThat(link.view().state()).isEqualTo(ConnectionState.UNRESPONSIVE);
        assertThat(link.view().downSince()).hasValue(at(30));

        link.onEvent(event(SessionState.CONNECTING, null), at(62));
        link.onEvent(event(SessionState.DISCONNECTED, new OvsdbConnectionException("connection refused")), at(62));
        assertThat(link.view().state()).as("a refusal is a plain outage").isEqualTo(ConnectionState.DISCONNECTED);
        link.onEvent(event(SessionState.CONNECTING, null), at(63));
        assertThat(link.view().state()).isEqualTo(ConnectionState.CONNECTING);
    }

    private static SessionEvent event(SessionState state, OvsdbException cause) {
        return new SessionEvent(state, Optional.ofNullable(cause),
                state == SessionState.DISCONNECTED ? Optional.of(Duration.ofSeconds(1)) : Optional.empty());
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }
}
