package org.ovsqos.ovsdb.netty;

import com.fasterxml.jackson.core.JsonFactory;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.json.JsonObjectDecoder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.ovsqos.ovsdb.NotificationListener;
import org.ovsqos.ovsdb.jsonrpc.JsonRpcPeer;
import org.ovsqos.ovsdb.jsonrpc.RpcScheduler;

/**
 * The whole channel pipeline of an OVSDB connection, in one place. Inbound, bytes flow down this
 * list; outbound, JSON values flow up it:
 *
 * <pre>
 *   ssl            TLS (ssl: endpoints only)
 *   idle           notices silence from the server (when the probe of the transport is on)
 *   framer         splits the byte stream into JSON values, refusing any over the size limit
 *   json-decoder   bytes of one value -> JsonNode (bounded nesting)
 *   json-encoder   JsonNode -> UTF-8 bytes (outbound; a failure closes the connection)
 *   probe          sends the inactivity echo, or drops a silent connection
 *   rpc            hands messages to the JSON-RPC peer; turns every error into a typed close
 * </pre>
 */
final class OvsdbPipeline {

    static final String SSL = "ssl";
    static final String IDLE = "idle";
    static final String FRAMER = "framer";
    static final String JSON_DECODER = "json-decoder";
    static final String JSON_ENCODER = "json-encoder";
    static final String PROBE = "probe";
    static final String RPC = "rpc";

    private OvsdbPipeline() {
    }

    /** Installs the stages on {@code channel}; returns the peer that the last stage feeds. */
    static JsonRpcPeer assemble(Channel channel, ChannelSetup setup, NotificationListener notifications) {
        JsonRpcPeer peer = new JsonRpcPeer(setup.name(), new ChannelTransport(channel),
                RpcScheduler.of(channel.eventLoop(), channel.eventLoop()::inEventLoop), notifications);
        JsonFactory json = JsonCodec.newFactory(setup.maxMessageSize());
        ChannelPipeline p = channel.pipeline();
        if (setup.ssl() != null) {
            SslHandler ssl = setup.peerHost() == null
                    ? setup.ssl().newHandler(channel.alloc())
                    : setup.ssl().newHandler(channel.alloc(), setup.peerHost(), setup.peerPort());
            ssl.setHandshakeTimeoutMillis(setup.handshakeTimeout().toMillis());
            p.addLast(SSL, ssl);
        }
        boolean probing = !setup.inactivityProbe().isZero();
        if (probing) {
            p.addLast(IDLE, new IdleStateHandler(setup.inactivityProbe().toNanos(), 0, 0, TimeUnit.NANOSECONDS));
        }
        p.addLast(FRAMER, new JsonObjectDecoder(setup.maxMessageSize()));
        p.addLast(JSON_DECODER, new JsonNodeDecoder(json));
        p.addLast(JSON_ENCODER, new JsonNodeEncoder(json));
        if (probing) {
            p.addLast(PROBE, new InactivityProbeHandler(peer, setup.inactivityProbe()));
        }
        p.addLast(RPC, new RpcHandler(peer, setup.maxMessageSize()));
        return peer;
    }
}
