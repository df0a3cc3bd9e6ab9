package org.ovsqos.daemon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ovsqos.daemon.admin.ConnectionState;
import org.ovsqos.daemon.admin.OvsdbLink;
import org.ovsqos.daemon.metrics.DaemonMetrics;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.OvsdbUnresponsiveException;
import org.ovsqos.ovsdb.client.SessionEvent;
import org.ovsqos.ovsdb.client.SessionState;

/** What {@code status} says about the OVSDB link through an outage and its retries. */
class OvsdbLinkTrackerTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final OvsdbLinkTracker link = new OvsdbLinkTracker("unix:/test/db.sock",
            new DaemonMetrics());
    private Instant now = START;

    @Test
    void anOutageKeepsItsStartAndStateAcrossRetries() {
        event(SessionState.CONNECTING);
        event(SessionState.CONNECTED);
        later(60);
        Instant lost = now;
        disconnected(new OvsdbConnectionException("connection reset by peer"));

        for (int retry = 1; retry <= 3; retry++) {
            later(2);
            event(SessionState.CONNECTING);
            assertThat(link.view().state()).as("a retry under way is still the outage").isEqualTo(ConnectionState.DISCONNECTED);
            disconnected(new OvsdbConnectionException("connection refused"));
        }

        OvsdbLink view = link.view();
        assertThat(view.state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(view.since()).contains(lost);
        assertThat(view.failedAttempts()).isEqualTo(4);
        assertThat(view.lastError()).contains("connection refused");
        assertThat(link.connected()).isFalse();
    }

    @Test
    void aServerThatStopsAnsweringIsUnresponsiveNotDisconnected() {
        event(SessionState.CONNECTING);
        event(SessionState.CONNECTED);
        later(30);
        Instant silent = now;

        disconnected(new OvsdbUnresponsiveException("no message for 30000 ms: inactivity probe unanswered"));
        later(1);
        event(SessionState.CONNECTING);

        assertThat(link.view().state()).isEqualTo(ConnectionState.UNRESPONSIVE);
        assertThat(link.view().since()).contains(silent);
        assertThat(link.connected()).isFalse();
    }

    @Test
    void anOutageThatTurnsFromUnresponsiveToDisconnectedKeepsItsStart() {
        event(SessionState.CONNECTING);
        event(SessionState.CONNECTED);
        Instant silent = later(30);
        disconnected(new OvsdbUnresponsiveException("inactivity probe unanswered"));

        later(40); // then the hung server is killed
        event(SessionState.CONNECTING);
        disconnected(new OvsdbConnectionException("connection refused"));

        assertThat(link.view().state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(link.view().since()).contains(silent);
        assertThat(link.view().failedAttempts()).isEqualTo(2);
    }

    @Test
    void reconnectingEndsTheOutage() {
        event(SessionState.CONNECTING);
        disconnected(new OvsdbConnectionException("connection refused"));
        later(5);
        event(SessionState.CONNECTING);

        boolean cameUp = event(SessionState.CONNECTED);

        assertThat(cameUp).isTrue();
        assertThat(link.view().state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(link.view().since()).contains(now);
        assertThat(link.view().failedAttempts()).isZero();
        assertThat(link.connected()).isTrue();
    }

    @Test
    void connectingIsTheFirstAttemptOnly() {
        assertThat(link.view().since()).isEmpty();

        event(SessionState.CONNECTING);

        assertThat(link.view().state()).isEqualTo(ConnectionState.CONNECTING);
        assertThat(link.view().since()).contains(START);
    }

    private Instant later(long seconds) {
        now = now.plus(Duration.ofSeconds(seconds));
        return now;
    }

    private boolean event(SessionState state) {
        return link.onEvent(new SessionEvent(state, Optional.empty(), Optional.empty()), now);
    }

    private void disconnected(OvsdbException cause) {
        link.onEvent(new SessionEvent(SessionState.DISCONNECTED, Optional.of(cause), Optional.of(Duration.ofSeconds(1))),
                now);
    }
}
