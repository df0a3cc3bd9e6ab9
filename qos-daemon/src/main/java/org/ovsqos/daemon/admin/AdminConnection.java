package org.ovsqos.daemon.admin;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One admin client, from its accepted connection to the close after its reply: reads one
 * request up to its newline (or half-close) within the size and time limits, hands it to the
 * {@link AdminDispatcher}, writes the reply and closes. Runs on the admin socket's event loop;
 * a reply to a mutating command arrives from the engine's thread and is handed back to it.
 */
final class AdminConnection extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(AdminConnection.class);
    /** What {@link #peerHasClosed} writes: no bytes, from a buffer the native write can address. */
    private static final ByteBuffer NOTHING = ByteBuffer.allocateDirect(1);

    private enum Phase { READING, WAITING, WRITING }

    private final AdminServerOptions options;
    private final AdminDispatcher dispatcher;
    private final AdminJson json;
    private final PeerCredentials peer;
    private final RequestBuffer request = new RequestBuffer();
    private Phase phase = Phase.READING;
    private ScheduledFuture<?> deadline;

    AdminConnection(AdminServerOptions options, AdminDispatcher dispatcher, AdminJson json, PeerCredentials peer) {
        this.options = options;
        this.dispatcher = dispatcher;
        this.json = json;
        this.peer = peer;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // The whole request must arrive within the read timeout, however it is cut up.
        armDeadline(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        try {
            // Bytes after the request are not part of any request: ignored.
            if (phase == Phase.READING) {
                append(ctx, bytes.nioBuffer());
            }
        } finally {
            bytes.release();
        }
    }

    private void append(ChannelHandlerContext ctx, ByteBuffer bytes) {
        int limit = options.maxRequestBytes(peer);
        int end = request.append(bytes, limit);
        if (end == RequestBuffer.TOO_LARGE) {
            respond(ctx, json.line(AdminJson.failure("request larger than " + limit + " bytes")));
        } else if (end != RequestBuffer.INCOMPLETE) {
            dispatch(ctx, end);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (!(event instanceof ChannelInputShutdownEvent)) {
            ctx.fireUserEventTriggered(event);
        } else if (phase == Phase.READING) {
            // Half-close ends a request too; a connect-and-close (a liveness probe) gets nothing.
            if (request.length() == 0) {
                ctx.close();
            } else {
                dispatch(ctx, request.length());
            }
        } else if (phase == Phase.WAITING && peerHasClosed(ctx)) {
            // A client that left while its command runs in the engine: nobody to answer, and its
            // connection counts against its quota until closed.
            ctx.close();
        }
    }

    /**
     * Whether the peer closed its end entirely rather than only its writing half (which a client
     * such as {@code socat} does after its request, and then waits for the reply). The kernel
     * tells the two apart for a unix socket by whether this end may still send: a write of no
     * bytes fails with EPIPE after a full close only, and sends nothing either way.
     */
    private static boolean peerHasClosed(ChannelHandlerContext ctx) {
        try {
            ((EpollDomainSocketChannel) ctx.channel()).fd().write(NOTHING, 0, 0);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private void dispatch(ChannelHandlerContext ctx, int length) {
        // No deadline while WAITING: the dispatcher's command timeout bounds the engine's work.
        phase = Phase.WAITING;
        deadline.cancel(false);
        CompletableFuture<byte[]> response = dispatcher.dispatch(request.request(length), peer);
        if (response.isDone()) {
            respond(ctx, response.join());
        } else {
            response.thenAccept(line -> ctx.executor().execute(() -> respond(ctx, line)));
        }
    }

    private void respond(ChannelHandlerContext ctx, byte[] line) {
        if (!ctx.channel().isActive()) {
            return;
        }
        // The reply too must be taken within the read timeout: a client that stops reading
        // would otherwise hold its connection and the reply's buffer for ever.
        phase = Phase.WRITING;
        armDeadline(ctx);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(line)).addListener(ChannelFutureListener.CLOSE);
    }

    private void armDeadline(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        deadline = ctx.executor().schedule(() -> expire(ctx), options.readTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void expire(ChannelHandlerContext ctx) {
        if (phase == Phase.READING) {
            // A silent client most likely does not read either; the reply is a courtesy, never
            // waited for: what the kernel takes now is all it gets.
            ctx.writeAndFlush(Unpooled.wrappedBuffer(json.line(AdminJson.failure(
                    "no complete request within " + options.readTimeout().toMillis() + " ms"))));
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            // The client went away or broke the stream: nothing to answer.
            log.debug("admin connection dropped error=\"{}\"", cause.toString());
        } else {
            // One connection's bug must not disturb the others.
            log.warn("admin connection failed error=\"{}\"", cause.toString(), cause);
        }
        ctx.close();
    }
}
