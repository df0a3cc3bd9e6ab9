package org.ovsqos.ovsdb.netty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.io.InputStream;
import java.util.List;
import org.ovsqos.json.JsonTrees;

/**
 * Parses one framed JSON value (UTF-8, as RFC 7047 section 4 and RFC 7159 require) into a tree;
 * the table updates of update2/update3 notifications are decoded on the way instead
 * ({@link UpdateNotifications}).
 * A parse failure escapes as a decoder exception, which the rpc stage turns into a protocol error.
 */
final class JsonNodeDecoder extends MessageToMessageDecoder<ByteBuf> {

    private final JsonFactory json;

    JsonNodeDecoder(JsonFactory json) {
        super(ByteBuf.class);
        this.json = json;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) throws Exception {
        if (UpdateNotifications.looksLikeOne(frame)) {
            int start = frame.readerIndex();
            JsonNode update = UpdateNotifications.read(json, frame);
            if (update != null) {
                out.add(update);
                return;
            }
            frame.readerIndex(start); // not one it reads: a tree, which says precisely what is wrong
        }
        try (InputStream in = new ByteBufInputStream(frame); JsonParser p = json.createParser(in)) {
            out.add(JsonTrees.read(p));
        }
    }
}
