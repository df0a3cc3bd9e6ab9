package org.ovsqos.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollDomainDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainDatagramPacket;
import io.netty.channel.unix.DomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What systemd does for a {@code Type=notify} unit: a datagram socket whose path goes to the
 * daemon in {@code NOTIFY_SOCKET}. Its own epoll event loop (one thread) stamps every datagram with
 * {@link System#nanoTime()} as it arrives, so the time of {@code READY=1} is not blurred by
 * whenever the benchmark gets round to asking.
 */
final class NotifySocket implements AutoCloseable {
    /** One datagram and when it arrived. */
    record Datagram(long nanoTime, String text) {
    }

    private final Path path;
    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    private final Channel channel;
    private final BlockingQueue<Datagram> received = new LinkedBlockingQueue<>();

    NotifySocket(Path path) {
        this.path = path;
        try {
            channel = new Bootstrap().group(loop).channel(EpollDomainDatagramChannel.class)
                    .handler(new SimpleChannelInboundHandler<DomainDatagramPacket>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, DomainDatagramPacket datagram) {
                            long at = System.nanoTime();
                            received.add(new Datagram(at, datagram.content().toString(StandardCharsets.UTF_8)));
                        }
                    })
                    .bind(new DomainSocketAddress(path.toFile())).syncUninterruptibly().channel();
        } catch (Throwable e) { // a failed bind is a NativeIoException, checked but not declared
            loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    /** The first datagram with a line {@code READY=1}; datagrams before it are dropped. */
    Datagram awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Datagram d = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (d == null) {
                throw new IllegalStateException("no READY=1 on " + path + " within " + timeout);
            }
            if (d.text().lines().anyMatch("READY=1"::equals)) {
                return d;
            }
        }
    }

    /** Forgets what has arrived so far (between two starts of the daemon). */
    void clear() {
        received.clear();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
