package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.NotificationListener;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.OvsdbUnresponsiveException;
import org.ovsqos.ovsdb.testing.ManualScheduler;

/** The session's state machine, with in-memory connections and a manual clock: no sockets. */
class OvsdbSessionTest {

    private static final Endpoint ENDPOINT = Endpoint.parse("unix:/test/db.sock");

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeConnector connector = new FakeConnector(ENDPOINT, scheduler);
    private final List<SessionEvent> events = new ArrayList<>();
    private final OvsdbSession session = new OvsdbSession(ENDPOINT,
            attempt -> Duration.ofMillis(100L * attempt), connector,
            new SocketWatch(null, Duration.ZERO, scheduler, path -> Optional.empty()), scheduler, null);

    {
        session.addStateListener(events::add);
    }

    @AfterEach
    void closeSession() {
        session.close();
        scheduler.runDue();
    }

    @Test
    void connectsAtOnceOnStart() {
        session.start();
        scheduler.runDue();

        assertThat(connector.attempts()).isEqualTo(1);
        assertThat(states()).containsExactly(SessionState.CONNECTING);
    }

    @Test
    void runsConnectHooksInOrderBeforeReportingConnected() {
        List<String> ran = new ArrayList<>();
        CompletableFuture<Void> first = new CompletableFuture<>();
        session.addConnectHook(c -> {
            ran.add("first");
            return first;
        });
        session.addConnectHook(c -> {
            ran.add("second");
            return c.call("monitor", TextNode.valueOf("Open_vSwitch"));
        });
        start();
        connector.succeed();
        scheduler.runDue();

        assertThat(ran).containsExactly("first");
        assertThat(session.state()).isEqualTo(SessionState.CONNECTING);
        assertThat(session.call("list_dbs")).isCompletedExceptionally();

        first.complete(null);
        scheduler.runDue();
        assertThat(ran).containsExactly("first", "second");
        assertThat(session.state()).as("waits for the monitor reply").isEqualTo(SessionState.CONNECTING);

        connector.peer(0).receive(response(0, "{}"));
        scheduler.runDue();

        assertThat(session.state()).isEqualTo(SessionState.CONNECTED);
        assertThat(states()).containsExactly(SessionState.CONNECTING, SessionState.CONNECTED);
        assertThat(session.whenConnected()).isCompletedWithValue(session.connection().orElseThrow());
    }

    @Test
    void failsCallsAtOnceWhileNotConnected() {
        CompletableFuture<JsonNode> beforeStart = session.call("list_dbs");
        start();
        CompletableFuture<JsonNode> whileConnecting = session.call("list_dbs");

        assertThat(failure(beforeStart)).isInstanceOf(OvsdbConnectionException.class);
        assertThat(failure(whileConnecting)).isInstanceOf(OvsdbConnectionException.class)
                .hasMessageContaining("list_dbs").hasMessageContaining("CONNECTING");
    }

    @Test
    void sendsCallsToTheCurrentConnectionOnceConnected() {
        connect();

        CompletableFuture<JsonNode> call = session.call("echo", TextNode.valueOf("hi"));
        connector.peer(0).receive(response(0, "[\"hi\"]"));

        assertThat(call).isCompletedWithValue(JsonNodeFactory.instance.arrayNode().add("hi"));
        assertThat(connector.transport(0).lastSent().get("method").asText()).isEqualTo("echo");
    }

    @Test
    void retriesFailedAttemptsAfterGrowingBackoff() {
        start();
        connector.fail(new OvsdbConnectionException("connection refused"));
        scheduler.runDue();

        SessionEvent disconnected = events.get(events.size() - 1);
        assertThat(disconnected.state()).isEqualTo(SessionState.DISCONNECTED);
        assertThat(disconnected.cause()).get().extracting(Throwable::getMessage).isEqualTo("connection refused");
        assertThat(disconnected.reconnectDelay()).contains(Duration.ofMillis(100));

        scheduler.advance(Duration.ofMillis(99));
        assertThat(connector.attempts()).isEqualTo(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(connector.attempts()).isEqualTo(2);

        connector.fail(new OvsdbConnectionException("connection refused"));
        scheduler.runDue();
        assertThat(events.get(events.size() - 1).reconnectDelay()).contains(Duration.ofMillis(200));
        assertThat(session.lastFailure()).isPresent();
    }

    @Test
    void reconnectsAfterLosingTheConnectionAndRunsHooksAgain() {
        List<OvsdbConnection> hooked = new ArrayList<>();
        session.addConnectHook(c -> {
            hooked.add(c);
            return CompletableFuture.completedFuture(null);
        });
        connect();

        connector.peer(0).close(new OvsdbConnectionException("connection reset by peer"));
        scheduler.runDue();
        assertThat(session.state()).isEqualTo(SessionState.DISCONNECTED);
        assertThat(session.connection()).isEmpty();

        scheduler.advance(Duration.ofMillis(100));
        connector.succeed();
        scheduler.runDue();

        assertThat(session.state()).isEqualTo(SessionState.CONNECTED);
        assertThat(hooked).hasSize(2).doesNotHaveDuplicates();
        assertThat(session.connection()).contains(hooked.get(1));
        assertThat(states()).containsExactly(SessionState.CONNECTING, SessionState.CONNECTED,
                SessionState.DISCONNECTED, SessionState.CONNECTING, SessionState.CONNECTED);
        assertThat(session.lastFailure()).isEmpty();
    }

    @Test
    void startsBackoffAfreshAfterASuccessfulConnection() {
        start();
        connector.fail(new OvsdbConnectionException("refused"));
        scheduler.advance(Duration.ofMillis(100));
        connector.succeed();
        scheduler.runDue();

        connector.peer(0).close(new OvsdbConnectionException("reset"));
        scheduler.runDue();

        assertThat(events.get(events.size() - 1).reconnectDelay()).contains(Duration.ofMillis(100));
    }

    @Test
    void failsPendingCallsTheMomentTheConnectionDrops() {
        connect();
        CompletableFuture<JsonNode> pending = session.call("transact", TextNode.valueOf("Open_vSwitch"));

        connector.peer(0).close(new OvsdbProtocolException("garbage from server"));

        assertThat(failure(pending)).isInstanceOf(OvsdbConnectionException.class)
                .hasCauseInstanceOf(OvsdbProtocolException.class);
        scheduler.runDue();
        assertThat(events.get(events.size() - 1).cause()).get().isInstanceOf(OvsdbProtocolException.class);
    }

    @Test
    void dropsTheConnectionAndRetriesWhenAHookFails() {
        session.addConnectHook(c -> CompletableFuture.failedFuture(new IllegalStateException("monitor refused")));
        start();
        connector.succeed();
        scheduler.runDue();

        assertThat(connector.transport(0).isClosed()).isTrue();
        assertThat(session.state()).isEqualTo(SessionState.DISCONNECTED);
        assertThat(session.lastFailure()).get().isInstanceOf(OvsdbConnectionException.class)
                .extracting(Throwable::getMessage).asString().contains("hook").contains("monitor refused");

        scheduler.advance(Duration.ofMillis(100));
        assertThat(connector.attempts()).isEqualTo(2);
    }

    @Test
    void callsItUnresponsiveWhenTheServerTakesTheConnectionButAHookCallTimesOut() {
        session.addConnectHook(c -> c.call("monitor", TextNode.valueOf("Open_vSwitch")));
        start();
        connector.succeed();
        scheduler.runDue();

        scheduler.advance(FakeConnector.CALL_TIMEOUT);

        assertThat(session.state()).isEqualTo(SessionState.DISCONNECTED);
        assertThat(session.lastFailure()).get().isInstanceOf(OvsdbUnresponsiveException.class)
                .extracting(Throwable::getMessage).asString().contains("hook").contains("no response");
    }

    @Test
    void aHookRefusedByTheServerIsNotCalledUnresponsive() {
        session.addConnectHook(c -> c.call("monitor", TextNode.valueOf("Open_vSwitch")));
        start();
        connector.succeed();
        scheduler.runDue();

        connector.peer(0).receive(json("{\"id\":0,\"result\":null,\"error\":\"unknown database\"}"));
        scheduler.runDue();

        assertThat(session.state()).isEqualTo(SessionState.DISCONNECTED);
        assertThat(session.lastFailure()).get().isInstanceOf(OvsdbConnectionException.class)
                .isNotInstanceOf(OvsdbUnresponsiveException.class);
    }

    @Test
    void treatsAThrowingHookLikeAFailedOne() {
        session.addConnectHook(c -> {
            throw new IllegalStateException("bug in hook");
        });
        start();
        connector.succeed();
        scheduler.runDue();

        assertThat(session.state()).isEqualTo(SessionState.DISCONNECTED);
        assertThat(connector.transport(0).isClosed()).isTrue();
    }

    @Test
    void keepsNotificationListenersAcrossConnections() {
        List<String> received = new ArrayList<>();
        session.addNotificationListener((method, params) -> received.add(method));
        connect();
        connector.peer(0).receive(notification("update"));
        connector.peer(0).close(new OvsdbConnectionException("reset"));
        scheduler.advance(Duration.ofMillis(100));
        connector.succeed();
        scheduler.runDue();

        connector.peer(1).receive(notification("update2"));

        assertThat(received).containsExactly("update", "update2");
    }

    @Test
    void closeStopsReconnectingAndReportsClosed() {
        start();
        connector.fail(new OvsdbConnectionException("refused"));
        scheduler.runDue();

        session.close();
        scheduler.advance(Duration.ofMinutes(10));

        assertThat(connector.attempts()).isEqualTo(1);
        assertThat(session.state()).isEqualTo(SessionState.CLOSED);
        assertThat(states()).endsWith(SessionState.CLOSED);
        assertThat(failure(session.whenConnected())).isInstanceOf(OvsdbConnectionException.class);
    }

    @Test
    void closeClosesTheConnectionAndFailsItsPendingCalls() {
        connect();
        CompletableFuture<JsonNode> pending = session.call("echo");

        session.close();
        scheduler.runDue();

        assertThat(failure(pending)).isInstanceOf(OvsdbConnectionException.class);
        assertThat(connector.transport(0).isClosed()).isTrue();
        assertThat(states()).containsExactly(SessionState.CONNECTING, SessionState.CONNECTED, SessionState.CLOSED);
    }

    @Test
    void closesAConnectionThatArrivesAfterTheSessionClosed() {
        start();
        session.close();
        scheduler.runDue();

        connector.succeed();
        scheduler.runDue();

        assertThat(connector.transport(0).isClosed()).isTrue();
        assertThat(session.state()).isEqualTo(SessionState.CLOSED);
    }

    @Test
    void completesWhenConnectedWaitersOnConnect() {
        start();
        CompletableFuture<OvsdbConnection> waiter = session.whenConnected();
        scheduler.runDue();
        assertThat(waiter).isNotDone();

        connector.succeed();
        scheduler.runDue();

        assertThat(waiter).isCompletedWithValue(session.connection().orElseThrow());
    }

    @Test
    void survivesAStateListenerThatThrows() {
        session.addStateListener(e -> {
            throw new IllegalStateException("listener bug");
        });

        connect();

        assertThat(session.state()).isEqualTo(SessionState.CONNECTED);
    }

    @Test
    void theStateMachineChecksThatItRunsOnItsLoop() throws Exception {
        // A scheduler whose loop thread is another one than the thread that runs its tasks here.
        CompletableFuture<ManualScheduler> elsewhere = CompletableFuture.supplyAsync(ManualScheduler::new);
        ManualScheduler foreign = elsewhere.get();
        OvsdbSession confused = new OvsdbSession(ENDPOINT, attempt -> Duration.ofMillis(100), connector,
                new SocketWatch(null, Duration.ZERO, foreign, path -> Optional.empty()), foreign, null);

        confused.start();

        assertThatThrownBy(foreign::runDue).isInstanceOf(AssertionError.class)
                .hasMessageContaining("off the session's event loop");
    }

    private void start() {
        session.start();
        scheduler.runDue();
    }

    private void connect() {
        start();
        connector.succeed();
        scheduler.runDue();
        assertThat(session.state()).isEqualTo(SessionState.CONNECTED);
    }

    private List<SessionState> states() {
        return events.stream().map(SessionEvent::state).toList();
    }

    private static JsonNode response(long id, String result) {
        return json("{\"id\":" + id + ",\"result\":" + result + ",\"error\":null}");
    }

    private static JsonNode notification(String method) {
        return json("{\"method\":\"" + method + "\",\"params\":[],\"id\":null}");
    }

    private static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Throwable failure(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        try {
            future.join();
            throw new AssertionError("not failed");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }
}
