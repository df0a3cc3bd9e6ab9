package org.ovsqos.ovsdb.netty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.EncoderException;
import java.io.OutputStream;
import org.ovsqos.json.JsonTrees;

/**
 * Writes a {@link JsonNode} as UTF-8 JSON. If a message cannot be encoded, the caller waiting for
 * its answer would wait for nothing, and whatever followed could be misread: the failure goes down
 * the pipeline as an exception, and the rpc stage closes the connection.
 */
final class JsonNodeEncoder extends ChannelOutboundHandlerAdapter {

    private final JsonFactory json;

    JsonNodeEncoder(JsonFactory json) {
        this.json = json;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof JsonNode node)) {
            ctx.write(msg, promise);
            return;
        }
        ByteBuf buf = ctx.alloc().buffer();
        try (OutputStream out = new ByteBufOutputStream(buf); JsonGenerator g = json.createGenerator(out)) {
            JsonTrees.write(g, node);
        } catch (Exception e) {
            buf.release();
            EncoderException failure = new EncoderException("cannot encode a JSON-RPC message", e);
            promise.tryFailure(failure);
            ctx.fireExceptionCaught(failure);
            return;
        }
        ctx.write(buf, promise);
    }
}
