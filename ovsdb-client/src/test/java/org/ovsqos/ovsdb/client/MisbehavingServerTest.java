package org.ovsqos.ovsdb.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.OvsdbTimeoutException;
import org.ovsqos.ovsdb.testing.FakeOvsdbServer;
import org.ovsqos.ovsdb.testing.FakeOvsdbServer.Script;

/**
 * Bad input from an in-process fake server over a real unix socket. Every case ends in a typed
 * error or a reconnect: never a hang, a dead event loop, or a buffer that grows with the input.
 */
class MisbehavingServerTest {

    private static final int LIMIT = 64 * 1024;
    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final OvsdbOptions OPTIONS = OvsdbOptions.builder()
            .maxMessageSize(LIMIT)
            .callTimeout(Duration.ofSeconds(30))
            .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(100), 0.5)
            .build();

    private FakeOvsdbServer server;
    private OvsdbConnection connection;
    private OvsdbSession session;

    @AfterEach
    void tearDown() {
        if (connection != null) {
            connection.close();
        }
        if (session != null) {
            session.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void truncatedJsonThenCloseFailsThePendingCall() throws Exception {
        connect(c -> {
            c.readRequest();
            c.send("{\"id\":0,\"result\":[\"Open_v");
            c.close();
        }, OPTIONS);

        Throwable failure = failure(connection.call("list_dbs"));

        assertThat(failure).isInstanceOf(OvsdbConnectionException.class).hasMessageContaining("closed by the server");
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void invalidUtf8IsAProtocolError() throws Exception {
        connect(c -> {
            c.readRequest();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes("{\"id\":0,\"result\":[\"".getBytes(UTF_8));
            bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 'x'});
            bytes.writeBytes("\"],\"error\":null}".getBytes(UTF_8));
            c.send(bytes.toByteArray());
            c.awaitClientClose();
        }, OPTIONS);

        assertProtocolFailure(connection.call("list_dbs"), "invalid JSON");
    }

    @Test
    void messageOverTheLimitIsRefusedBeforeItIsAllRead() throws Exception {
        AtomicLong sent = new AtomicLong();
        AtomicBoolean cutOffByClient = new AtomicBoolean();
        long endless = 256L * LIMIT;
        connect(c -> {
            c.readRequest();
            c.send("{\"id\":0,\"result\":\"");
            byte[] chunk = "x".repeat(8192).getBytes(UTF_8);
            // Stops when the client closes the socket (the write fails), or after 16 MiB.
            try {
                while (sent.get() < endless) {
                    c.send(chunk);
                    sent.addAndGet(chunk.length);
                }
            } catch (IOException closedByClient) {
                cutOffByClient.set(true);
            }
        }, OPTIONS);

        assertProtocolFailure(connection.call("get_schema", TextNode.valueOf("Open_vSwitch")),
                "exceeds the limit of " + LIMIT + " bytes");
        // The sender must have been stopped by the client closing the stream, well before 16 MiB:
        // "still sending" would not do, since every byte count is below the end while it runs.
        await().atMost(WITHIN).untilTrue(cutOffByClient);
        assertThat(sent.get()).isLessThan(endless);
    }

    @Test
    void hundredThousandNestedArraysAreRefusedWithoutOverflowingTheStack() throws Exception {
        connect(c -> {
            c.readRequest();
            c.send("[".repeat(100_000) + "]".repeat(100_000));
            c.awaitClientClose();
        }, OPTIONS.toBuilder().maxMessageSize(1024 * 1024).build());

        assertProtocolFailure(connection.call("list_dbs"), "nesting depth");
    }

    @Test
    void responseWithAnUnknownIdIsCountedAndIgnored() throws Exception {
        connect(c -> {
            JsonNode request = c.readRequest();
            c.send("{\"id\":999,\"result\":[\"wrong\"],\"error\":null}");
            c.reply(request, request.get("params"));
            c.awaitClientClose();
        }, OPTIONS);

        JsonNode result = connection.call("echo", TextNode.valueOf("right")).get();

        assertThat(result.get(0).asText()).isEqualTo("right");
        assertThat(connection.stats().protocolAnomalies()).isEqualTo(1);
        assertThat(connection.isOpen()).isTrue();
    }

    static Stream<Arguments> wrongShapes() {
        return Stream.of(
                Arguments.of("both result and error", "{\"id\":0,\"result\":[],\"error\":\"boom\"}"),
                Arguments.of("neither result nor error", "{\"id\":0,\"error\":null}"),
                Arguments.of("no id", "{\"result\":[],\"error\":null}"),
                Arguments.of("an array", "[{\"id\":0,\"result\":[],\"error\":null}]"),
                Arguments.of("not an object or array", "\"Open_vSwitch\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongShapes")
    void responseOfTheWrongShapeIsAProtocolError(String shape, String response) throws Exception {
        connect(c -> {
            c.readRequest();
            c.send(response);
            c.awaitClientClose();
        }, OPTIONS);

        assertProtocolFailure(connection.call("list_dbs"), "");
    }

    @Test
    void serverThatNeverAnswersTimesTheCallOut() throws Exception {
        connect(c -> c.awaitClientClose(), OPTIONS.toBuilder().callTimeout(Duration.ofMillis(200)).build());

        Throwable failure = failure(connection.call("list_dbs"));

        assertThat(failure).isInstanceOf(OvsdbTimeoutException.class).hasMessageContaining("list_dbs")
                .hasMessageContaining("200 ms");
        assertThat(connection.isOpen()).as("a timeout alone keeps the connection").isTrue();
    }

    static Stream<Arguments> badServers() {
        return Stream.of(
                Arguments.of("truncated then closed", (Script) c -> {
                    c.readRequest();
                    c.send("{\"id\":0,\"res");
                }),
                Arguments.of("garbage", (Script) c -> {
                    c.readRequest();
                    c.send("<html>");
                    c.awaitClientClose();
                }),
                Arguments.of("oversized", (Script) c -> {
                    c.readRequest();
                    c.send("[\"" + "x".repeat(2 * LIMIT) + "\"]");
                    c.awaitClientClose();
                }),
                Arguments.of("wrong shape", (Script) c -> {
                    c.readRequest();
                    c.send("{\"id\":0,\"result\":1,\"error\":2}");
                    c.awaitClientClose();
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badServers")
    void sessionRecoversFromABadServerOnTheSameEventLoop(String name, Script bad) throws Exception {
        server = FakeOvsdbServer.start(bad, FakeOvsdbServer.wellBehaved());
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        session = OvsdbSession.create(server.endpoint(), OPTIONS);
        session.addStateListener(events::add);
        // The first connection's hook trips the bad server; the second one's is answered.
        session.addConnectHook(c -> c.call("echo"));
        session.start();

        session.whenConnected().get(WITHIN.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        JsonNode answer = session.call("echo", TextNode.valueOf("still alive")).get();

        assertThat(answer.get(0).asText()).isEqualTo("still alive");
        assertThat(server.connections()).isEqualTo(2);
        assertThat(events).filteredOn(e -> e.state() == SessionState.DISCONNECTED).first()
                .satisfies(e -> assertThat(e.cause()).get().isInstanceOf(OvsdbException.class));
    }

    private void connect(Script script, OvsdbOptions options) throws Exception {
        server = FakeOvsdbServer.start(script);
        connection = OvsdbConnection.connect(server.endpoint(), options).get();
    }

    private static void assertProtocolFailure(CompletableFuture<JsonNode> call, String message) {
        assertThat(failure(call)).isInstanceOf(OvsdbConnectionException.class)
                .cause().isInstanceOf(OvsdbProtocolException.class).hasMessageContaining(message);
    }

    private static Throwable failure(CompletableFuture<?> future) {
        assertThat(future).failsWithin(WITHIN);
        try {
            future.get();
            throw new AssertionError("not failed");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
