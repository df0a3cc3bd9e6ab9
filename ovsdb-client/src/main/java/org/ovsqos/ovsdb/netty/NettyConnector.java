package org.ovsqos.ovsdb.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.client.Endpoint;
import org.ovsqos.ovsdb.client.OvsdbOptions;
import org.ovsqos.ovsdb.jsonrpc.JsonRpcPeer;
import org.ovsqos.ovsdb.jsonrpc.NotificationHandler;

/**
 * Opens connections. The one public type of this package, for {@code org.ovsqos.ovsdb.client}
 * only: not an API, and it may change without notice.
 */
public final class NettyConnector {

    private NettyConnector() {
    }

    /**
     * One NIO I/O thread: a client holds one or two connections, and a thread per connection
     * would only add context switches. Daemon threads, so a forgotten client cannot keep a JVM
     * alive; owners still shut the group down when they close.
     */
    public static EventLoopGroup newEventLoopGroup(String threadPrefix) {
        return new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(threadPrefix, true),
                NioIoHandler.newFactory());
    }

    /**
     * Connects to {@code endpoint} on {@code loop}. The future completes with a peer whose
     * channel is connected (and, for ssl, past its handshake), or fails with an
     * {@link OvsdbConnectionException} saying why. Never blocks the calling thread or the loop:
     * reading TLS files and resolving host names happen on a pool thread.
     */
    public static CompletableFuture<JsonRpcPeer> connect(EventLoop loop, Endpoint endpoint, OvsdbOptions options,
            NotificationHandler notifications) {
        CompletableFuture<Prepared> prepared;
        if (endpoint instanceof Endpoint.Unix) {
            try {
                prepared = CompletableFuture.completedFuture(prepare(endpoint, options));
            } catch (OvsdbException e) {
                prepared = CompletableFuture.failedFuture(e);
            }
        } else {
            prepared = CompletableFuture.supplyAsync(() -> prepare(endpoint, options));
        }
        return prepared.thenCompose(p -> open(loop, endpoint, p.address(), p.setup(), options, notifications));
    }

    private record Prepared(ChannelSetup setup, SocketAddress address) {
    }

    private static Prepared prepare(Endpoint endpoint, OvsdbOptions options) {
        String name = endpoint.toString();
        if (endpoint instanceof Endpoint.Unix unix) {
            return new Prepared(new ChannelSetup(name, null, null, 0, options.maxMessageSize(),
                    options.unixInactivityProbe(), options.connectTimeout()), UnixDomainSocketAddress.of(unix.path()));
        }
        if (endpoint instanceof Endpoint.Tcp tcp) {
            return new Prepared(new ChannelSetup(name, null, null, 0, options.maxMessageSize(),
                    options.inactivityProbe(), options.connectTimeout()), resolve(endpoint, tcp.host(), tcp.port()));
        }
        Endpoint.Ssl ssl = (Endpoint.Ssl) endpoint;
        SslContext context = SslContexts.forClient(options.ssl().orElseThrow(() ->
                new OvsdbConnectionException(name + " needs TLS files: set OvsdbOptions ssl(...)")), name);
        return new Prepared(new ChannelSetup(name, context, ssl.host(), ssl.port(), options.maxMessageSize(),
                options.inactivityProbe(), options.connectTimeout()), resolve(endpoint, ssl.host(), ssl.port()));
    }

    private static SocketAddress resolve(Endpoint endpoint, String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new OvsdbConnectionException("cannot connect to " + endpoint + ": unknown host " + host);
        }
        return address;
    }

    private static CompletableFuture<JsonRpcPeer> open(EventLoop loop, Endpoint endpoint, SocketAddress address,
            ChannelSetup setup, OvsdbOptions options, NotificationHandler notifications) {
        AtomicReference<JsonRpcPeer> peer = new AtomicReference<>();
        boolean unix = endpoint instanceof Endpoint.Unix;
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channelFactory(unix ? NioDomainSocketChannel::new : NioSocketChannel::new)
                .disableResolver()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        peer.set(OvsdbPipeline.assemble(channel, setup, notifications));
                    }
                });
        if (!unix) {
            // Requests are small and latency matters more than packet count.
            bootstrap.option(ChannelOption.TCP_NODELAY, true);
        }
        CompletableFuture<JsonRpcPeer> result = new CompletableFuture<>();
        ChannelFuture connect = bootstrap.connect(address);
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                result.completeExceptionally(new OvsdbConnectionException(
                        "cannot connect to " + endpoint + ": " + describe(done.cause()), done.cause()));
                return;
            }
            SslHandler ssl = connect.channel().pipeline().get(SslHandler.class);
            if (ssl == null) {
                result.complete(peer.get());
                return;
            }
            ssl.handshakeFuture().addListener(handshake -> {
                if (handshake.isSuccess()) {
                    result.complete(peer.get());
                } else {
                    OvsdbConnectionException failure = new OvsdbConnectionException(
                            "TLS handshake with " + endpoint + " failed: " + describe(handshake.cause()),
                            handshake.cause());
                    peer.get().close(failure);
                    result.completeExceptionally(failure);
                }
            });
        });
        // A caller that gives up on the attempt must not leave a channel behind.
        result.whenComplete((p, e) -> {
            if (result.isCancelled()) {
                connect.channel().close();
            }
        });
        return result;
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown cause";
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
