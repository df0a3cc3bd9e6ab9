package org.ovsqos.ovsdb.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.monitor.MonitorUpdate;

/**
 * The decoding stage reads update notifications without a tree when they come as ovsdb-server
 * writes them (captured from ovsdb-server 3.1), and falls back to a tree for everything else, so
 * that a malformed one is reported as precisely as before.
 */
class UpdateNotificationsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ROW = "f91b5a31-6114-4656-8fc5-81d192701092";
    private static final String UPDATES = "{\"Interface\":{\"" + ROW
            + "\":{\"insert\":{\"name\":\"x\",\"statistics\":[\"map\",[[\"rx_bytes\",5]]]}}}}";
    private static final String UPDATE2 = "{\"id\":null,\"method\":\"update2\",\"params\":[[\"m\"]," + UPDATES + "]}";
    private static final String UPDATE3 = "{\"id\":null,\"method\":\"update3\",\"params\":[[\"m\"],"
            + "\"00000000-0000-0000-0000-000000000000\"," + UPDATES + "]}";

    @Test
    void readsTheTableUpdatesOfAnUpdate2WithoutATree() throws Exception {
        JsonNode message = decode(UPDATE2);
        assertThat(message.get("method").asText()).isEqualTo("update2");
        assertThat(message.get("id").isNull()).isTrue();
        assertThat(message.get("params").get(1)).isInstanceOf(POJONode.class);
        assertThat(MonitorUpdate.fromUpdate2Params(message.get("params")))
                .isEqualTo(MonitorUpdate.fromUpdate2Params(MAPPER.readTree(UPDATE2).get("params")));
    }

    @Test
    void readsTheTableUpdatesOfAnUpdate3WithoutATree() throws Exception {
        JsonNode message = decode(UPDATE3);
        assertThat(message.get("params").get(2)).isInstanceOf(POJONode.class);
        assertThat(MonitorUpdate.fromUpdate3Params(message.get("params")))
                .isEqualTo(MonitorUpdate.fromUpdate3Params(MAPPER.readTree(UPDATE3).get("params")));
    }

    @Test
    void membersInAnotherOrderMakeATree() throws Exception {
        String reordered = "{\"method\":\"update2\",\"id\":null,\"params\":[[\"m\"]," + UPDATES + "]}";
        JsonNode message = decode(reordered);
        assertThat(message).isEqualTo(MAPPER.readTree(reordered));
        assertThat(message.get("params").get(1).isObject()).isTrue();
    }

    @Test
    void aMalformedUpdateIsATreeSoItsErrorSaysWhere() throws Exception {
        String malformed = UPDATE2.replace("\"insert\"", "\"upsert\"");
        JsonNode message = decode(malformed);
        assertThat(message).isEqualTo(MAPPER.readTree(malformed));
        assertThatThrownBy(() -> MonitorUpdate.fromUpdate2Params(message.get("params")))
                .isInstanceOf(OvsdbProtocolException.class)
                .hasMessageContaining("update2 at /Interface/" + ROW + ": unknown row update \"upsert\"");
    }

    @Test
    void anUpdateWithWrongParamsIsATree() throws Exception {
        for (String odd : new String[] {
            "{\"id\":null,\"method\":\"update2\",\"params\":[[\"m\"]," + UPDATES + ",1]}",
            "{\"id\":null,\"method\":\"update2\",\"params\":[[\"m\"]]}",
            "{\"id\":null,\"method\":\"update2\",\"params\":{}}",
            "{\"id\":null,\"method\":\"update4\",\"params\":[[\"m\"]," + UPDATES + "]}",
            "{\"id\":null,\"method\":\"update2\",\"params\":[[\"m\"]," + UPDATES + "],\"extra\":1}",
        }) {
            assertThat(decode(odd)).as(odd).isEqualTo(MAPPER.readTree(odd));
        }
    }

    @Test
    void brokenJsonIsStillAnErrorOfTheStage() {
        EmbeddedChannel channel = new EmbeddedChannel(new JsonNodeDecoder(JsonCodec.newFactory(1 << 16)));
        String broken = UPDATE2.substring(0, UPDATE2.length() - 3) + "}}";
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.copiedBuffer(broken, StandardCharsets.UTF_8)))
                .isInstanceOf(DecoderException.class);
    }

    private static JsonNode decode(String text) {
        EmbeddedChannel channel = new EmbeddedChannel(new JsonNodeDecoder(JsonCodec.newFactory(1 << 16)));
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
        JsonNode message = channel.readInbound();
        assertThat(channel.finish()).isFalse();
        return message;
    }
}
