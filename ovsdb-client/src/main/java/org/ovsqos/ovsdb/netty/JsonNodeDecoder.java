package org.ovsqos.ovsdb.netty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.io.InputStream;
import java.util.List;

/**
 * Parses one framed JSON value (UTF-8, as RFC 7047 section 4 and RFC 7159 require) into a tree.
 * A parse failure escapes as a decoder exception, which the rpc stage turns into a protocol error.
 */
final class JsonNodeDecoder extends MessageToMessageDecoder<ByteBuf> {

    private final ObjectMapper mapper;

    JsonNodeDecoder(ObjectMapper mapper) {
        super(ByteBuf.class);
        this.mapper = mapper;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) throws Exception {
        try (InputStream in = new ByteBufInputStream(frame)) {
            out.add(mapper.readTree(in));
        }
    }
}
