package org.ovsqos.ovsdb.netty;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import org.ovsqos.ovsdb.OvsdbUnresponsiveException;
import org.ovsqos.ovsdb.jsonrpc.JsonRpcPeer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open vSwitch's inactivity probe: the idle stage reports the first interval with nothing
 * received, and we send an {@code echo}; if the next interval passes with still nothing, the
 * server is gone (or the path to it is) and the connection is dropped, so that the session
 * reconnects instead of waiting on a dead socket. Anything received, not just the echo reply,
 * counts as life: a large message still arriving keeps the connection. On a unix socket the
 * kernel reports a dead server at once; the probe there is for a live one that stopped answering
 * (SIGSTOP, a deadlock), so it runs at a longer period ({@code OvsdbOptions.unixInactivityProbe}).
 */
final class InactivityProbeHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(InactivityProbeHandler.class);

    private final JsonRpcPeer peer;
    private final Duration interval;

    InactivityProbeHandler(JsonRpcPeer peer, Duration interval) {
        this.peer = peer;
        this.interval = interval;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (!(evt instanceof IdleStateEvent idle) || idle.state() != IdleState.READER_IDLE) {
            super.userEventTriggered(ctx, evt);
            return;
        }
        if (idle.isFirst()) {
            log.debug("connection={} idle_ms={} action=probe", peer.name(), interval.toMillis());
            // The reply's fate does not matter, only that something arrives; the second idle
            // interval decides, so the echo may wait as long as that.
            peer.probe(interval.multipliedBy(2));
        } else {
            log.warn("connection={} idle_ms={} action=close reason=\"inactivity probe unanswered\"",
                    peer.name(), interval.multipliedBy(2).toMillis());
            peer.close(new OvsdbUnresponsiveException("no message from " + peer.name() + " for "
                    + interval.multipliedBy(2).toMillis() + " ms: inactivity probe unanswered"));
        }
    }
}
