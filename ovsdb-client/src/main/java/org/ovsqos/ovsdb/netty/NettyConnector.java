package org.ovsqos.ovsdb.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ovsqos.ovsdb.NotificationListener;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.jsonrpc.JsonRpcPeer;

/**
 * Opens connections. The one public type of this package, for {@code org.ovsqos.ovsdb.client}
 * only: not an API, and it may change without notice.
 */
public final class NettyConnector {

    private NettyConnector() {
    }

    /**
     * One I/O thread ({@link Transport}: epoll where Netty's native transport is there, else
     * NIO): a client holds one or two connections, and a thread per connection would only add
     * context switches. Daemon threads, so a forgotten client cannot keep a JVM
     * alive; owners still shut the group down when they close.
     */
    public static EventLoopGroup newEventLoopGroup(String threadPrefix) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(threadPrefix, true),
                Transport.chosen().ioHandlerFactory());
        // Netty 4.2's loop wakes every second when nothing is scheduled (to purge cancelled
        // timers, which it now removes at once anyway). A connection that is mostly quiet, as a
        // monitor between statistics updates is, then costs a wake-up a second; a task due once a
        // day lets the loop sleep until there is I/O or real work.
        group.next().scheduleAtFixedRate(NettyConnector::nothing, 1, 1, TimeUnit.DAYS);
        return group;
    }

    private static void nothing() {
        // See newEventLoopGroup.
    }

    /**
     * Opens the connection {@code request} describes, on {@code loop}. The future completes with
     * a peer whose channel is connected (and, for TLS, past its handshake), or fails with an
     * {@link OvsdbConnectionException} saying why. Never blocks the calling thread or the loop:
     * reading TLS files and resolving host names happen on a pool thread.
     */
    public static CompletableFuture<JsonRpcPeer> connect(EventLoop loop, ConnectRequest request,
            NotificationListener notifications) {
        CompletableFuture<Prepared> prepared;
        if (request.address() instanceof ConnectRequest.Unix) {
            try {
                prepared = CompletableFuture.completedFuture(prepare(request));
            } catch (OvsdbException e) {
                prepared = CompletableFuture.failedFuture(e);
            }
        } else {
            prepared = CompletableFuture.supplyAsync(() -> prepare(request));
        }
        return prepared.thenCompose(p -> open(loop, request, p.address(), p.setup(), notifications));
    }

    private record Prepared(ChannelSetup setup, SocketAddress address) {
    }

    private static Prepared prepare(ConnectRequest request) {
        String name = request.name();
        ConnectRequest.Address address = request.address();
        if (address instanceof ConnectRequest.Unix unix) {
            return new Prepared(setup(request, null, null, 0), Transport.chosen().unixAddress(unix.path()));
        }
        if (address instanceof ConnectRequest.Tcp tcp) {
            return new Prepared(setup(request, null, null, 0), resolve(name, tcp.host(), tcp.port()));
        }
        ConnectRequest.Tls tls = (ConnectRequest.Tls) address;
        return new Prepared(setup(request, SslContexts.forClient(tls, name), tls.host(), tls.port()),
                resolve(name, tls.host(), tls.port()));
    }

    private static ChannelSetup setup(ConnectRequest request, SslContext ssl, String host, int port) {
        return new ChannelSetup(request.name(), ssl, host, port, request.maxMessageSize(), request.inactivityProbe(),
                request.connectTimeout());
    }

    private static SocketAddress resolve(String name, String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new OvsdbConnectionException("cannot connect to " + name + ": unknown host " + host);
        }
        return address;
    }

    private static CompletableFuture<JsonRpcPeer> open(EventLoop loop, ConnectRequest request, SocketAddress address,
            ChannelSetup setup, NotificationListener notifications) {
        AtomicReference<JsonRpcPeer> peer = new AtomicReference<>();
        boolean unix = request.address() instanceof ConnectRequest.Unix;
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channelFactory(unix ? Transport.chosen()::newUnixChannel : Transport.chosen()::newTcpChannel)
                .disableResolver()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) request.connectTimeout().toMillis())
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
                        "cannot connect to " + request.name() + ": " + describe(done.cause()), done.cause()));
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
                            "TLS handshake with " + request.name() + " failed: " + describe(handshake.cause()),
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
