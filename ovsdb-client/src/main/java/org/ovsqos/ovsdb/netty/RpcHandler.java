package org.ovsqos.ovsdb.netty;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.jsonrpc.JsonRpcPeer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage: hands parsed messages to the peer, and turns every way a connection can end
 * (the server closing, a stage failing) into a close of the peer with a typed cause.
 */
final class RpcHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(RpcHandler.class);

    private final JsonRpcPeer peer;
    private final int maxMessageSize;

    RpcHandler(JsonRpcPeer peer, int maxMessageSize) {
        this.peer = peer;
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof JsonNode node) {
            peer.receive(node);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // After a local close or an error this is a no-op: the peer keeps the first cause.
        peer.close(new OvsdbConnectionException("connection to " + peer.name() + " closed by the server"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!peer.isOpen()) {
            log.debug("connection={} error after close: {}", peer.name(), cause.toString());
            return;
        }
        OvsdbException failure = Failures.classify(cause, peer.name(), maxMessageSize);
        if (failure instanceof OvsdbProtocolException) {
            log.warn("connection={} error=\"{}\" action=close", peer.name(), failure.getMessage());
        } else {
            // A reset or similar I/O error: the session logs the lost connection once.
            log.debug("connection={} error=\"{}\" action=close", peer.name(), failure.getMessage());
        }
        peer.close(failure);
    }
}
