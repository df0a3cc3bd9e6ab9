package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.testing.ManualScheduler;

/**
 * A {@code unix:} session that lost its server connects the moment the socket file is created
 * anew, not at the end of its backoff; a file that merely stays, or a tcp endpoint, waits for
 * the backoff. Manual clock, files in a temp dir, no sockets.
 */
class SocketWatchTest {
    private static final Duration BACKOFF = Duration.ofSeconds(8);
    private static final Duration WATCH = Duration.ofMillis(100);

    @TempDir
    Path dir;
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<CompletableFuture<OvsdbConnection>> attempts = new ArrayList<>();
    private OvsdbSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
            scheduler.runDue();
        }
    }

    @Test
    void connectsAsSoonAsTheSocketFileIsCreatedAnew() throws IOException {
        Path socket = dir.resolve("db.sock");
        Files.createFile(socket); // the socket of the server that is about to go away
        failFirstAttempt(session("unix:" + socket));

        Files.delete(socket); // the server exits...
        scheduler.advance(WATCH.multipliedBy(3));
        assertThat(attempts).as("no file, nobody to connect to").hasSize(1);
        Files.createFile(socket); // ...and a new one binds its socket
        scheduler.advance(WATCH);

        assertThat(attempts).hasSize(2);
        assertThat(scheduler.elapsed()).isLessThan(BACKOFF);
    }

    @Test
    void connectsWhenAStaleSocketFileIsReplaced() throws IOException {
        Path socket = dir.resolve("db.sock");
        Files.createFile(socket); // left by a server killed with SIGKILL
        failFirstAttempt(session("unix:" + socket));

        scheduler.advance(WATCH.multipliedBy(5));
        assertThat(attempts).as("the stale file alone is no reason to try").hasSize(1);
        Files.delete(socket);
        Files.createFile(socket); // the new server unlinks it and binds its own
        Files.setLastModifiedTime(socket, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        scheduler.advance(WATCH);

        assertThat(attempts).hasSize(2);
    }

    @Test
    void withoutANewSocketFileTheBackoffDecides() throws IOException {
        Path socket = dir.resolve("db.sock");
        failFirstAttempt(session("unix:" + socket));

        scheduler.advance(BACKOFF.minusMillis(1));
        assertThat(attempts).hasSize(1);
        scheduler.advance(Duration.ofMillis(1));

        assertThat(attempts).hasSize(2);
    }

    @Test
    void stopsLookingOnceConnectingAgain() throws IOException {
        Path socket = dir.resolve("db.sock");
        failFirstAttempt(session("unix:" + socket));
        scheduler.advance(BACKOFF); // the backoff's attempt is under way

        Files.createFile(socket);
        scheduler.advance(WATCH.multipliedBy(5));

        assertThat(attempts).as("one attempt at a time").hasSize(2);
    }

    @Test
    void aTcpEndpointIsNotWatched() {
        assertThat(SocketWatch.of(Endpoint.parse("tcp:127.0.0.1:6640"), WATCH).enabled()).isFalse();
        assertThat(SocketWatch.of(Endpoint.parse("unix:/run/db.sock"), Duration.ZERO).enabled()).isFalse();
        assertThat(SocketWatch.of(Endpoint.parse("unix:/run/db.sock"), WATCH).enabled()).isTrue();
    }

    private OvsdbSession session(String endpoint) {
        Endpoint parsed = Endpoint.parse(endpoint);
        session = new OvsdbSession(parsed, attempt -> BACKOFF, SocketWatch.of(parsed, WATCH), () -> {
            CompletableFuture<OvsdbConnection> attempt = new CompletableFuture<>();
            attempts.add(attempt);
            return attempt;
        }, scheduler, null);
        return session;
    }

    private void failFirstAttempt(OvsdbSession s) {
        s.start();
        scheduler.runDue();
        attempts.get(0).completeExceptionally(new OvsdbConnectionException("connection refused"));
        scheduler.runDue();
        assertThat(s.state()).isEqualTo(SessionState.DISCONNECTED);
    }
}
