package org.ovsqos.ovsdb.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.OvsdbRpcException;
import org.ovsqos.ovsdb.OvsdbTimeoutException;
import org.ovsqos.ovsdb.testing.FakeTransport;
import org.ovsqos.ovsdb.testing.ManualScheduler;

class JsonRpcPeerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final FakeTransport transport = new FakeTransport();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> notifications = new ArrayList<>();
    private final JsonRpcPeer peer = new JsonRpcPeer("test", transport, scheduler,
            (method, params) -> notifications.add(method + " " + params));

    @Test
    void sendsRequestsInRfcShapeWithDistinctIds() {
        peer.call("list_dbs", params(), TIMEOUT);
        peer.call("get_schema", params("Open_vSwitch"), TIMEOUT);

        assertThat(transport.sent()).map(JsonNode::toString).containsExactly(
                "{\"method\":\"list_dbs\",\"params\":[],\"id\":0}",
                "{\"method\":\"get_schema\",\"params\":[\"Open_vSwitch\"],\"id\":1}");
    }

    @Test
    void completesEachCallWithItsOwnResultWhateverTheResponseOrder() {
        CompletableFuture<JsonNode> first = peer.call("echo", params("a"), TIMEOUT);
        CompletableFuture<JsonNode> second = peer.call("echo", params("b"), TIMEOUT);

        peer.receive(json("{\"id\":1,\"result\":[\"b\"],\"error\":null}"));
        peer.receive(json("{\"id\":0,\"result\":[\"a\"],\"error\":null}"));

        assertThat(first).isCompletedWithValue(json("[\"a\"]"));
        assertThat(second).isCompletedWithValue(json("[\"b\"]"));
        assertThat(peer.pendingCalls()).isZero();
        assertThat(scheduler.liveTasks()).as("timeouts cancelled").isZero();
    }

    @Test
    void failsCallWithRpcExceptionForBareErrorString() {
        CompletableFuture<JsonNode> call = peer.call("frobnicate", params(), TIMEOUT);

        // ovsdb-server's own answer to an unknown method: no "result" member at all.
        peer.receive(json("{\"id\":0,\"error\":\"unknown method\"}"));

        OvsdbRpcException error = failure(call, OvsdbRpcException.class);
        assertThat(error.method()).isEqualTo("frobnicate");
        assertThat(error.error()).isEqualTo("unknown method");
        assertThat(error.details()).isNull();
        assertThat(peer.isOpen()).isTrue();
    }

    @Test
    void failsCallWithRpcExceptionCarryingErrorObjectDetails() {
        CompletableFuture<JsonNode> call = peer.call("get_schema", params("Nope"), TIMEOUT);

        peer.receive(json("{\"id\":0,\"result\":null,\"error\":{\"error\":\"unknown database\","
                + "\"details\":\"get_schema request specifies unknown database Nope\"}}"));

        OvsdbRpcException error = failure(call, OvsdbRpcException.class);
        assertThat(error.error()).isEqualTo("unknown database");
        assertThat(error.details()).contains("Nope");
        assertThat(error.getMessage()).startsWith("get_schema failed: unknown database");
    }

    @Test
    void acceptsNullResult() {
        CompletableFuture<JsonNode> call = peer.call("unlock", params("x"), TIMEOUT);

        peer.receive(json("{\"id\":0,\"result\":null,\"error\":null}"));

        assertThat(call).isCompletedWithValue(json("null"));
    }

    @Test
    void timesOutCallNamingMethodAndTimeout() {
        CompletableFuture<JsonNode> call = peer.call("transact", params("Open_vSwitch"), Duration.ofMillis(1500));

        scheduler.advance(Duration.ofMillis(1499));
        assertThat(call).isNotDone();
        scheduler.advance(Duration.ofMillis(1));

        OvsdbTimeoutException error = failure(call, OvsdbTimeoutException.class);
        assertThat(error.getMessage()).contains("transact").contains("1500 ms");
        assertThat(peer.pendingCalls()).isZero();
        assertThat(peer.isOpen()).as("a timeout does not close the connection").isTrue();
    }

    @Test
    void dropsLateResponseAfterTimeoutQuietly() {
        CompletableFuture<JsonNode> late = peer.call("transact", params(), Duration.ofSeconds(1));
        scheduler.advance(Duration.ofSeconds(1));
        CompletableFuture<JsonNode> next = peer.call("echo", params(), TIMEOUT);

        peer.receive(json("{\"id\":0,\"result\":[],\"error\":null}"));

        assertThat(late).isCompletedExceptionally();
        assertThat(next).isNotDone();
        assertThat(peer.protocolAnomalies()).isZero();
        assertThat(peer.isOpen()).isTrue();
    }

    @Test
    void countsResponseWithUnknownIdWithoutCompletingAnotherCall() {
        CompletableFuture<JsonNode> call = peer.call("echo", params(), TIMEOUT);

        peer.receive(json("{\"id\":42,\"result\":[],\"error\":null}"));
        peer.receive(json("{\"id\":\"0\",\"result\":[],\"error\":null}"));

        assertThat(call).isNotDone();
        assertThat(peer.protocolAnomalies()).isEqualTo(2);
        assertThat(peer.isOpen()).isTrue();
    }

    @Test
    void countsDuplicateResponseAsAnomaly() {
        CompletableFuture<JsonNode> call = peer.call("echo", params("x"), TIMEOUT);
        peer.receive(json("{\"id\":0,\"result\":[\"x\"],\"error\":null}"));

        peer.receive(json("{\"id\":0,\"result\":[\"y\"],\"error\":null}"));

        assertThat(call).isCompletedWithValue(json("[\"x\"]"));
        assertThat(peer.protocolAnomalies()).isEqualTo(1);
        assertThat(peer.isOpen()).isTrue();
    }

    @Test
    void answersServerEchoWithSameIdAndParams() {
        peer.receive(json("{\"method\":\"echo\",\"params\":[\"ping\",{\"n\":1}],\"id\":\"echo\"}"));

        assertThat(transport.lastSent())
                .isEqualTo(json("{\"id\":\"echo\",\"result\":[\"ping\",{\"n\":1}],\"error\":null}"));
        assertThat(peer.echoRequestsAnswered()).isEqualTo(1);
    }

    @Test
    void answersOtherServerRequestsWithUnknownMethod() {
        peer.receive(json("{\"method\":\"bogus\",\"params\":[],\"id\":7}"));

        assertThat(transport.lastSent())
                .isEqualTo(json("{\"id\":7,\"result\":null,\"error\":\"unknown method\"}"));
        assertThat(peer.isOpen()).isTrue();
    }

    @Test
    void dispatchesNotificationsInArrivalOrder() {
        for (String method : List.of("update", "update2", "update3", "locked", "stolen", "something_new")) {
            peer.receive(json("{\"method\":\"" + method + "\",\"params\":[\"p\"],\"id\":null}"));
        }
        peer.receive(json("{\"method\":\"update\",\"params\":[1]}"));

        assertThat(notifications).containsExactly("update [\"p\"]", "update2 [\"p\"]", "update3 [\"p\"]",
                "locked [\"p\"]", "stolen [\"p\"]", "something_new [\"p\"]", "update [1]");
        assertThat(peer.notificationsReceived()).isEqualTo(7);
    }

    @Test
    void survivesNotificationHandlerFailure() {
        JsonRpcPeer fragile = new JsonRpcPeer("test", transport, scheduler, (method, params) -> {
            throw new IllegalStateException("handler bug");
        });
        CompletableFuture<JsonNode> call = fragile.call("echo", params(), TIMEOUT);

        fragile.receive(json("{\"method\":\"update\",\"params\":[],\"id\":null}"));
        fragile.receive(json("{\"id\":0,\"result\":[],\"error\":null}"));

        assertThat(fragile.isOpen()).isTrue();
        assertThat(call).isCompleted();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[1,2,3]",
        "{\"result\":[],\"error\":null}",
        "{\"id\":null,\"result\":[],\"error\":null}",
        "{\"id\":0,\"result\":[],\"error\":\"both\"}",
        "{\"id\":0}",
        "{\"id\":0,\"error\":null}",
        "{\"method\":5,\"params\":[],\"id\":null}",
        "{\"method\":\"update\",\"params\":{},\"id\":null}"
    })
    void closesOnMessageOfWrongShapeFailingPendingCalls(String message) {
        CompletableFuture<JsonNode> call = peer.call("echo", params(), TIMEOUT);

        peer.receive(json(message));

        assertThat(peer.isOpen()).isFalse();
        assertThat(transport.isClosed()).isTrue();
        OvsdbConnectionException error = failure(call, OvsdbConnectionException.class);
        assertThat(error).hasCauseInstanceOf(OvsdbProtocolException.class);
        assertThat(peer.closeFuture()).isCompletedExceptionally();
        assertThatThrownBy(peer.closeFuture()::join).hasCauseInstanceOf(OvsdbProtocolException.class);
    }

    @Test
    void closeFailsEveryPendingCallAtOnce() {
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(peer.call("transact", params(i), TIMEOUT));
        }

        peer.close(new OvsdbConnectionException("connection reset by peer"));

        assertThat(calls).allSatisfy(call -> {
            OvsdbConnectionException error = failure(call, OvsdbConnectionException.class);
            assertThat(error.getMessage()).contains("transact").contains("connection reset by peer");
        });
        assertThat(peer.pendingCalls()).isZero();
        assertThat(scheduler.liveTasks()).as("timeouts cancelled").isZero();
        assertThat(transport.isClosed()).isTrue();
    }

    @Test
    void failsCallsMadeAfterCloseAtOnce() {
        peer.close();

        CompletableFuture<JsonNode> call = peer.call("list_dbs", params(), TIMEOUT);

        assertThat(failure(call, OvsdbConnectionException.class).getMessage()).contains("list_dbs");
        assertThat(transport.sent()).isEmpty();
        assertThat(peer.closeFuture()).isCompleted().isNotCompletedExceptionally();
    }

    @Test
    void ignoresMessagesAfterClose() {
        peer.close();

        peer.receive(json("{\"method\":\"update\",\"params\":[],\"id\":null}"));
        peer.receive(json("{\"id\":99,\"result\":[],\"error\":null}"));

        assertThat(notifications).isEmpty();
        assertThat(peer.protocolAnomalies()).isZero();
    }

    @Test
    void onlyTheFirstCloseCounts() {
        OvsdbProtocolException first = new OvsdbProtocolException("garbage");
        peer.close(first);
        peer.close(new OvsdbConnectionException("later"));
        peer.close();

        assertThatThrownBy(peer.closeFuture()::join).hasCause(first);
    }

    @Test
    void forgetsCancelledCallAndDropsItsResponseQuietly() {
        CompletableFuture<JsonNode> call = peer.call("monitor", params(), TIMEOUT);

        call.cancel(false);
        peer.receive(json("{\"id\":0,\"result\":{},\"error\":null}"));

        assertThat(peer.pendingCalls()).isZero();
        assertThat(scheduler.liveTasks()).isZero();
        assertThat(peer.protocolAnomalies()).isZero();
    }

    @Test
    void sendTellsTheIdTheRequestWentOutWith() {
        peer.call("echo", params(), TIMEOUT);

        JsonRpcPeer.Request request = peer.send("transact", params("Open_vSwitch"), TIMEOUT);

        assertThat(request.id()).isEqualTo(1);
        assertThat(transport.lastSent().get("id").asLong()).isEqualTo(request.id());
        peer.receive(json("{\"id\":1,\"result\":[],\"error\":null}"));
        assertThat(request.result()).isCompletedWithValue(json("[]"));
    }

    @Test
    void sendAfterCloseTellsTheRequestWasNeverSent() {
        peer.close();

        JsonRpcPeer.Request request = peer.send("echo", params(), TIMEOUT);

        assertThat(request.id()).isEqualTo(JsonRpcPeer.Request.NOT_SENT);
        failure(request.result(), OvsdbConnectionException.class);
        assertThat(transport.sent()).isEmpty();
    }

    @Test
    void sendsNotificationsWithANullId() {
        peer.sendNotification("cancel", params(7));

        assertThat(transport.lastSent().toString()).isEqualTo("{\"method\":\"cancel\",\"params\":[7],\"id\":null}");
        assertThat(peer.pendingCalls()).isZero();
    }

    @Test
    void dropsNotificationsAfterCloseAndWhenTheyCannotBeSent() {
        transport.failSendsWith(new IllegalStateException("channel gone"));
        peer.sendNotification("cancel", params(1));
        peer.close();
        peer.sendNotification("cancel", params(2));

        assertThat(transport.sent()).isEmpty();
        assertThatThrownBy(() -> peer.sendNotification("cancel", json("{}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failsCallWhoseRequestCannotBeSent() {
        transport.failSendsWith(new IllegalStateException("channel gone"));

        CompletableFuture<JsonNode> call = peer.call("echo", params(), TIMEOUT);

        assertThat(failure(call, OvsdbConnectionException.class)).hasRootCauseMessage("channel gone");
        assertThat(peer.pendingCalls()).isZero();
    }

    @Test
    void probeSendsEchoAndIgnoresItsOutcome() {
        peer.probe(Duration.ofSeconds(1));
        assertThat(transport.lastSent().get("method").asText()).isEqualTo("echo");

        scheduler.advance(Duration.ofSeconds(1));

        assertThat(peer.probesSent()).isEqualTo(1);
        assertThat(peer.isOpen()).isTrue();
    }

    @Test
    void rejectsNonArrayParamsAndNonPositiveTimeout() {
        assertThatThrownBy(() -> peer.call("echo", json("{}"), TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> peer.call("echo", params(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static ArrayNode params(Object... values) {
        return MAPPER.valueToTree(values);
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static <T extends Throwable> T failure(CompletableFuture<?> future, Class<T> type) {
        assertThat(future).isCompletedExceptionally();
        try {
            future.join();
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(type);
            return type.cast(e.getCause());
        }
        throw new AssertionError("not failed");
    }
}
