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
        // A failed write (other than to an already closed channel) goes down the pipeline as an
        // exception, so the rpc stage closes the connection and fails the waiting calls.
        channel.writeAndFlush(message).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
    }

    @Override
    public void close() {
        channel.close();
    }
}
