package org.ovsqos.ovsdb.netty;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import org.ovsqos.ovsdb.jsonrpc.JsonRpcTransport;

/** A {@link JsonRpcTransport} over a channel whose pipeline {@link OvsdbPipeline} assembled. */
final class ChannelTransport implements JsonRpcTransport {

    private final Channel channel;

    ChannelTransport(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void send(JsonNode message) {
        // A failed write goes down the pipeline as an exception, so the rpc stage closes the
        // connection and fails the waiting calls. Writes to a closed channel fail too, but the
        // calls they carried have already been failed by the close.
        channel.writeAndFlush(message).addListener((ChannelFutureListener) written -> {
            if (!written.isSuccess() && written.channel().isOpen()) {
                written.channel().pipeline().fireExceptionCaught(written.cause());
            }
        });
    }

    @Override
    public void close() {
        channel.close();
    }
}
