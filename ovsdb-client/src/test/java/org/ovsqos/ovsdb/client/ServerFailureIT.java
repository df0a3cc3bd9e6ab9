package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbUnresponsiveException;
import org.ovsqos.ovsdb.testing.OvsdbServerProcess;

/** A real ovsdb-server that dies, comes back, or just stays quiet. One server per test. */
class ServerFailureIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WITHIN = Duration.ofSeconds(15);
    /** Far longer than any wait below, so that only the connection's loss can end a call. */
    private static final Duration LONG_CALL_TIMEOUT = Duration.ofMinutes(5);

    private OvsdbServerProcess server;
    private OvsdbConnection connection;
    private OvsdbSession session;

    @BeforeEach
    void startServer() {
        server = OvsdbServerProcess.start();
    }

    @AfterEach
    void tearDown() {
        if (connection != null) {
            connection.close();
        }
        if (session != null) {
            session.close();
        }
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void killingTheServerFailsAPendingCallPromptly(Transport transport) throws Exception {
        connection = OvsdbConnection.connect(transport.of(server),
                OvsdbOptions.builder().callTimeout(LONG_CALL_TIMEOUT).build()).get();
        // A wait for a condition that never holds keeps the server from answering for a minute.
        JsonNode neverTrue = MAPPER.readTree("{\"op\":\"wait\",\"table\":\"Open_vSwitch\",\"where\":[],"
                + "\"columns\":[\"_uuid\"],\"until\":\"==\",\"rows\":[],\"timeout\":60000}");
        CompletableFuture<JsonNode> pending = connection.call("transact", TextNode.valueOf("Open_vSwitch"), neverTrue);
        connection.call("echo").get(); // the server has read the transact: it answers in order
        assertThat(pending).isNotDone();

        server.kill();

        assertThat(pending).failsWithin(WITHIN).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(OvsdbConnectionException.class);
        assertThat(connection.isOpen()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void sessionReconnectsAfterRestartAndRunsItsHookAgain(Transport transport) throws Exception {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        AtomicInteger hookRuns = new AtomicInteger();
        session = OvsdbSession.create(transport.of(server), OvsdbOptions.builder()
                .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500), 0.2).build());
        session.addStateListener(events::add);
        session.addConnectHook(c -> c.call("list_dbs").thenRun(hookRuns::incrementAndGet));
        session.start();
        session.whenConnected().get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(hookRuns).hasValue(1);

        server.kill();
        await().atMost(WITHIN).until(() -> session.state() != SessionState.CONNECTED);
        CompletableFuture<JsonNode> whileDown = session.call("list_dbs");
        assertThat(whileDown).as("no queueing while disconnected").isCompletedExceptionally();

        server.restart();
        await().atMost(WITHIN).until(() -> session.state() == SessionState.CONNECTED);

        assertThat(hookRuns).hasValue(2);
        assertThat(session.call("list_dbs").get(WITHIN.toSeconds(), TimeUnit.SECONDS))
                .extracting(JsonNode::asText).contains("Open_vSwitch");
        assertThat(events).extracting(SessionEvent::state).containsSubsequence(SessionState.CONNECTING,
                SessionState.CONNECTED, SessionState.DISCONNECTED, SessionState.CONNECTING, SessionState.CONNECTED);
        assertThat(events).filteredOn(e -> e.state() == SessionState.DISCONNECTED)
                .allSatisfy(e -> assertThat(e.cause()).get().isInstanceOf(OvsdbConnectionException.class));
    }

    @Test
    void inactivityProbesKeepIdleConnectionsAliveAtEachTransportsOwnPeriod() throws Exception {
        Duration probe = Duration.ofMillis(100);
        connection = OvsdbConnection.connect(server.tcpEndpoint(),
                OvsdbOptions.builder().inactivityProbe(probe).unixInactivityProbe(Duration.ZERO).build()).get();
        try (OvsdbConnection unix = OvsdbConnection.connect(server.unixEndpoint(),
                OvsdbOptions.builder().inactivityProbe(Duration.ZERO).unixInactivityProbe(probe).build()).get();
                OvsdbConnection unprobed = OvsdbConnection.connect(server.unixEndpoint(),
                        OvsdbOptions.builder().unixInactivityProbe(Duration.ZERO).build()).get()) {

            // Five probes answered means a connection outlived several "two silent intervals".
            await().atMost(WITHIN).until(() -> connection.stats().inactivityProbesSent() >= 5
                    && unix.stats().inactivityProbesSent() >= 5);

            for (OvsdbConnection c : List.of(connection, unix)) {
                assertThat(c.isOpen()).isTrue();
                assertThat(c.stats().protocolAnomalies()).isZero();
                assertThat(c.call("echo").get(WITHIN.toSeconds(), TimeUnit.SECONDS)).isEmpty();
            }
            assertThat(unprobed.stats().inactivityProbesSent()).as("a zero period turns the probe off").isZero();
            assertThat(unprobed.isOpen()).isTrue();
        }
    }

    @Test
    void aFrozenServerIsDroppedAsUnresponsiveAndRejoinedOnceItThaws() throws Exception {
        session = OvsdbSession.create(server.unixEndpoint(), OvsdbOptions.builder()
                .unixInactivityProbe(Duration.ofMillis(200))
                .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500), 0.2).build());
        session.start();
        session.whenConnected().get(WITHIN.toSeconds(), TimeUnit.SECONDS);

        server.freeze();
        try {
            await("the unanswered probe").atMost(WITHIN).until(() -> session.state() != SessionState.CONNECTED);
            assertThat(session.lastFailure()).get().isInstanceOf(OvsdbUnresponsiveException.class)
                    .extracting(Throwable::getMessage).asString().contains("inactivity probe");
        } finally {
            server.thaw();
        }

        await("reconnected after the thaw").atMost(WITHIN).until(() -> session.state() == SessionState.CONNECTED);
        assertThat(session.call("list_dbs").get(WITHIN.toSeconds(), TimeUnit.SECONDS))
                .extracting(JsonNode::asText).contains("Open_vSwitch");
    }

    @Test
    void aUnixSessionConnectsAsSoonAsTheServerIsBackWhileTcpKeepsToItsBackoff() throws Exception {
        // A backoff far longer than the test: only the socket watch can bring the unix session back.
        OvsdbOptions options = OvsdbOptions.builder()
                .reconnectBackoff(Duration.ofMinutes(10), Duration.ofMinutes(10), 0).build();
        session = OvsdbSession.create(server.unixEndpoint(), options).start();
        try (OvsdbSession tcp = OvsdbSession.create(server.tcpEndpoint(), options).start()) {
            session.whenConnected().get(WITHIN.toSeconds(), TimeUnit.SECONDS);
            tcp.whenConnected().get(WITHIN.toSeconds(), TimeUnit.SECONDS);

            server.kill();
            await().atMost(WITHIN).until(() -> session.state() == SessionState.DISCONNECTED
                    && tcp.state() == SessionState.DISCONNECTED);
            server.restart();

            await("the unix session back").atMost(WITHIN).until(() -> session.state() == SessionState.CONNECTED);
            assertThat(tcp.state()).as("tcp has no socket to watch").isEqualTo(SessionState.DISCONNECTED);
        }
    }
}
