package org.ovsqos.ovsdb.netty;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.json.JsonTrees;
import org.ovsqos.ovsdb.monitor.TableUpdates;

/**
 * The {@code update2} and {@code update3} notifications read straight from their bytes, their
 * {@code <table-updates2>} decoded without a JSON tree ({@link TableUpdates#readUpdate2}) and
 * passed on as a {@link POJONode} where the tree would be. They are the bulk of what a monitor
 * receives: every interface's statistics, every 5 seconds, a tree of which weighed twice the rows.
 *
 * <p>Only frames that begin exactly as ovsdb-server writes these notifications are tried, so no
 * other message is parsed twice; and anything this reader does not accept (a malformed row, JSON
 * members in another order, broken JSON) is parsed again as a tree, which then reports the
 * problem as precisely as for any other message.
 */
final class UpdateNotifications {
    /** ovsdb-server writes {@code {"id":null,"method":"update2","params":[...]}}, members in this order. */
    private static final byte[] PREFIX = "{\"id\":null,\"method\":\"update".getBytes(StandardCharsets.US_ASCII);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private UpdateNotifications() {
    }

    /** Whether {@code frame} begins as an update notification from ovsdb-server does. */
    static boolean looksLikeOne(ByteBuf frame) {
        if (frame.readableBytes() < PREFIX.length) {
            return false;
        }
        int start = frame.readerIndex();
        for (int i = 0; i < PREFIX.length; i++) {
            if (frame.getByte(start + i) != PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The message in {@code frame}, its table updates decoded; or {@code null} when it is not an
     * update2 or update3 notification this reads, with the frame's reader index anywhere.
     */
    static JsonNode read(JsonFactory json, ByteBuf frame) {
        try (InputStream in = new ByteBufInputStream(frame); JsonParser p = json.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT
                    || !"id".equals(p.nextFieldName()) || p.nextToken() != JsonToken.VALUE_NULL
                    || !"method".equals(p.nextFieldName())) {
                return null;
            }
            String method = p.nextTextValue();
            int before = "update3".equals(method) ? 2 : "update2".equals(method) ? 1 : -1;
            if (before < 0 || !"params".equals(p.nextFieldName()) || p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            ArrayNode params = JSON.arrayNode(before + 1);
            for (int i = 0; i < before; i++) {
                p.nextToken(); // the monitor's id; update3's last transaction id
                params.add(JsonTrees.read(p));
            }
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            params.add(new POJONode(TableUpdates.readUpdate2(p)));
            if (p.nextToken() != JsonToken.END_ARRAY || p.nextToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
            ObjectNode message = JSON.objectNode();
            message.putNull("id");
            message.put("method", method);
            message.set("params", params);
            return message;
        } catch (OvsdbProtocolException | IOException notOneOfOurs) {
            return null;
        }
    }
}
