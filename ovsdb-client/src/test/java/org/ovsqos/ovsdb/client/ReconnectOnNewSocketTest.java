package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.testing.ManualScheduler;

/**
 * A session on a unix socket connects as soon as a new server's socket appears at the path, and
 * otherwise keeps to its backoff. The path's contents are a variable the test sets; the clock is
 * manual.
 */
class ReconnectOnNewSocketTest {

    private static final Endpoint ENDPOINT = Endpoint.parse("unix:/test/db.sock");
    private static final Duration WATCH = Duration.ofMillis(10);
    /** 1 s, 2 s, 3 s ...: long against the watch period, so an early attempt is plain to see. */
    private static final BackoffPolicy BACKOFF = attempt -> Duration.ofSeconds(attempt);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeConnector connector = new FakeConnector(ENDPOINT, scheduler);
    /** What a stat of the socket path finds: an inode and time, or nothing. */
    private Optional<Object> atPath = Optional.of("socket of server 1");
    private final OvsdbSession session = new OvsdbSession(ENDPOINT, BACKOFF, connector,
            new SocketWatch(Path.of("/test/db.sock"), WATCH, scheduler, path -> atPath), scheduler, null);

    @AfterEach
    void closeSession() {
        session.close();
        scheduler.runDue();
    }

    @Test
    void connectsAtOnceWhenTheServerIsBackInsteadOfWaitingOutTheBackoff() {
        connect();
        serverDies(); // killed: its socket file stays behind
        scheduler.advance(BACKOFF.delay(1));
        refuse(); // the first retry finds nobody: the next one is 2 s away

        atPath = Optional.of("socket of server 2");
        scheduler.advance(WATCH);

        assertThat(connector.attempts()).isEqualTo(3);
        connector.succeed();
        scheduler.runDue();
        assertThat(session.state()).isEqualTo(SessionState.CONNECTED);
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(connector.attempts()).as("the backoff's retry was called off").isEqualTo(3);
    }

    @Test
    void leavesAStaleSocketToTheBackoff() {
        connect();
        serverDies();

        scheduler.advance(Duration.ofMillis(999));
        assertThat(connector.attempts()).isEqualTo(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(connector.attempts()).isEqualTo(2);
    }

    @Test
    void waitsForASocketWhenThePathIsEmpty() {
        atPath = Optional.empty(); // stopped cleanly: ovsdb-server removes its socket
        session.start();
        scheduler.runDue();
        connector.fail(new OvsdbConnectionException("No such file or directory"));
        scheduler.advance(Duration.ofMillis(500));
        assertThat(connector.attempts()).isEqualTo(1);

        atPath = Optional.of("socket of server 1");
        scheduler.advance(WATCH);

        assertThat(connector.attempts()).isEqualTo(2);
    }

    @Test
    void aNewSocketThatRefusesGetsOneEarlyAttemptThenTheBackoffGoesOn() {
        connect();
        serverDies();
        atPath = Optional.of("socket of server 2, not listening yet");
        scheduler.advance(WATCH);
        assertThat(connector.attempts()).isEqualTo(2);

        refuse();
        scheduler.advance(Duration.ofMillis(1999));
        assertThat(connector.attempts()).as("no second early attempt on the same socket").isEqualTo(2);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(connector.attempts()).as("failures kept counting: the backoff's 2 s").isEqualTo(3);
    }

    @Test
    void looksAtThePathOnlyWhileWaitingToReconnect() {
        connect();
        assertThat(scheduler.liveTasks()).as("nothing polls while connected").isZero();

        serverDies();
        assertThat(scheduler.liveTasks()).as("the backoff's retry and the watch").isEqualTo(2);

        session.close();
        scheduler.runDue();
        atPath = Optional.of("socket of server 2");
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(connector.attempts()).isEqualTo(1);
        assertThat(scheduler.liveTasks()).isZero();
    }

    @Test
    void aTcpEndpointIsNeverWatched() {
        SocketWatch watch = SocketWatch.of(Endpoint.parse("tcp:127.0.0.1:6640"), OvsdbOptions.defaults(), scheduler);
        watch.beforeAttempt();
        watch.start(() -> {
            throw new AssertionError("fired");
        });

        assertThat(scheduler.liveTasks()).isZero();
    }

    private void connect() {
        session.start();
        scheduler.runDue();
        connector.succeed();
        scheduler.runDue();
        assertThat(session.state()).isEqualTo(SessionState.CONNECTED);
    }

    private void serverDies() {
        connector.peer(connector.attempts() - 1).close(new OvsdbConnectionException("connection reset by peer"));
        scheduler.runDue();
        assertThat(session.state()).isEqualTo(SessionState.DISCONNECTED);
    }

    /** Fails the attempt under way, as a socket nobody listens on does. */
    private void refuse() {
        connector.fail(new OvsdbConnectionException("connection refused"));
        scheduler.runDue();
        assertThat(session.state()).isEqualTo(SessionState.DISCONNECTED);
    }
}
