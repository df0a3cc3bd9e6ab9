package org.ovsqos.ovsdb.netty;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.POJONode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.OvsdbUnresponsiveException;
import org.ovsqos.ovsdb.jsonrpc.JsonRpcPeer;

/** The assembled pipeline on an in-memory channel, with Netty's controllable clock. */
class OvsdbPipelineTest {

    private static final int LIMIT = 64 * 1024;
    private static final Duration PROBE = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final List<String> notifications = new ArrayList<>();
    private JsonRpcPeer peer;

    private void assemble(Duration probe) {
        channel.freezeTime();
        peer = OvsdbPipeline.assemble(channel,
                new ChannelSetup("test", null, null, 0, LIMIT, probe, Duration.ofSeconds(10)),
                (method, params) -> notifications.add(method + " " + params));
    }

    @AfterEach
    void noExceptionEscapesThePipeline() {
        channel.checkException();
        channel.finishAndReleaseAll();
    }

    @Test
    void namesItsStagesInOrder() {
        assemble(PROBE);

        assertThat(channel.pipeline().names()).containsSubsequence(OvsdbPipeline.IDLE, OvsdbPipeline.FRAMER,
                OvsdbPipeline.JSON_DECODER, OvsdbPipeline.JSON_ENCODER, OvsdbPipeline.PROBE, OvsdbPipeline.RPC);
    }

    @Test
    void leavesOutTheProbeStagesWhenProbingIsOff() {
        assemble(Duration.ZERO);

        assertThat(channel.pipeline().names()).doesNotContain(OvsdbPipeline.IDLE, OvsdbPipeline.PROBE)
                .contains(OvsdbPipeline.FRAMER, OvsdbPipeline.RPC);
    }

    @Test
    void writesRequestsAsUtf8Json() {
        assemble(PROBE);

        peer.call("echo", JsonNodeFactory.instance.arrayNode().add("grüße"), TIMEOUT);

        assertThat(readOutbound()).isEqualTo("{\"method\":\"echo\",\"params\":[\"grüße\"],\"id\":0}");
    }

    @Test
    void splitsTheStreamIntoMessagesWhateverTheReadBoundaries() {
        assemble(PROBE);
        CompletableFuture<JsonNode> call = peer.call("list_dbs", JsonNodeFactory.instance.arrayNode(), TIMEOUT);

        inbound("{\"id\":0,\"result\":[\"Open_vS");
        assertThat(call).isNotDone();
        inbound("witch\"],\"error\":null}{\"method\":\"update\",\"params\":[null,{}],\"id\":null}{\"method\":");
        inbound("\"locked\",\"params\":[\"l\"],\"id\":null}");

        assertThat(call.join().get(0).asText()).isEqualTo("Open_vSwitch");
        assertThat(notifications).containsExactly("update [null,{}]", "locked [\"l\"]");
    }

    @Test
    void closesOnAMessageOverTheSizeLimit() {
        assemble(PROBE);
        CompletableFuture<JsonNode> call = peer.call("get_schema", JsonNodeFactory.instance.arrayNode(), TIMEOUT);

        inbound("{\"id\":0,\"result\":\"" + "x".repeat(LIMIT) + "\",\"error\":null}");

        assertClosedWith(OvsdbProtocolException.class, "exceeds the limit of " + LIMIT + " bytes");
        assertThat(failure(call)).isInstanceOf(OvsdbConnectionException.class);
    }

    @Test
    void closesOnInvalidUtf8() {
        assemble(PROBE);
        // Inside a string, a UTF-8 lead byte for two bytes followed by a plain ASCII byte.
        channel.writeInbound(Unpooled.wrappedBuffer("{\"id\":0,\"result\":\"a".getBytes(UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28}, "b\",\"error\":null}".getBytes(UTF_8)));

        assertClosedWith(OvsdbProtocolException.class, "invalid JSON");
    }

    @Test
    void closesOnDeeplyNestedInputWithoutOverflowingTheStack() {
        assemble(PROBE);

        inbound("[".repeat(20_000) + "]".repeat(20_000));

        assertClosedWith(OvsdbProtocolException.class, "nesting depth");
    }

    @Test
    void closesOnBytesThatAreNotJson() {
        assemble(PROBE);

        inbound("HTTP/1.1 400 Bad Request\r\n");

        assertClosedWith(OvsdbProtocolException.class, "invalid JSON");
    }

    @Test
    void closesWhenARequestCannotBeEncoded() {
        assemble(PROBE);
        Object unserializable = new Object() {
            @SuppressWarnings("unused")
            public String getValue() {
                throw new IllegalStateException("cannot serialize");
            }
        };

        CompletableFuture<JsonNode> call = peer.call("transact",
                JsonNodeFactory.instance.arrayNode().add(new POJONode(unserializable)), TIMEOUT);

        assertClosedWith(OvsdbConnectionException.class, "could not be encoded");
        assertThat(failure(call)).isInstanceOf(OvsdbConnectionException.class);
        assertThat(channel.outboundMessages()).as("no partial message written").isEmpty();
    }

    @Test
    void failsPendingCallsWhenTheServerCloses() {
        assemble(PROBE);
        CompletableFuture<JsonNode> call = peer.call("transact", JsonNodeFactory.instance.arrayNode(), TIMEOUT);

        channel.close();

        assertThat(failure(call)).isInstanceOf(OvsdbConnectionException.class).hasMessageContaining("closed");
    }

    @Test
    void probesAfterAnIdleIntervalAndClosesAfterASecondOne() {
        assemble(PROBE);

        advance(PROBE);
        assertThat(readOutbound()).contains("\"method\":\"echo\"");
        assertThat(channel.isOpen()).isTrue();

        advance(PROBE);
        assertClosedWith(OvsdbUnresponsiveException.class, "inactivity probe");
        assertThat(peer.probesSent()).isEqualTo(1);
    }

    @Test
    void anyMessageFromTheServerCountsAsLife() {
        assemble(PROBE);

        advance(PROBE);
        readOutbound();
        inbound("{\"method\":\"update\",\"params\":[],\"id\":null}");
        advance(PROBE);

        assertThat(channel.isOpen()).isTrue();
        assertThat(peer.probesSent()).isEqualTo(2);
    }

    @Test
    void answersTheServersEcho() {
        assemble(PROBE);

        inbound("{\"method\":\"echo\",\"params\":[],\"id\":\"echo\"}");

        assertThat(readOutbound()).isEqualTo("{\"id\":\"echo\",\"result\":[],\"error\":null}");
    }

    private void inbound(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, UTF_8));
    }

    private String readOutbound() {
        ByteBuf buf = channel.readOutbound();
        assertThat(buf).as("an outbound message").isNotNull();
        try {
            return buf.toString(UTF_8);
        } finally {
            buf.release();
        }
    }

    private void advance(Duration time) {
        channel.advanceTimeBy(time.toNanos(), TimeUnit.NANOSECONDS);
        channel.runPendingTasks();
        channel.runScheduledPendingTasks();
    }

    private void assertClosedWith(Class<? extends OvsdbException> type, String message) {
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
        assertThat(peer.isOpen()).isFalse();
        assertThat(failure(peer.closeFuture())).isInstanceOf(type).hasMessageContaining(message);
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
