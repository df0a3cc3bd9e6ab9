package org.ovsqos.daemon.admin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.unix.Socket;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin socket: a unix stream socket, mode 0660, one JSON request and one JSON response per
 * connection (format in {@link AdminJson}); {@code release} and {@code reload} only for a peer
 * of uid 0 (the kernel's SO_PEERCRED, see {@link PeerCredentials}).
 *
 * <p>One thread, a Netty epoll event loop, serves every connection ({@link AdminAcceptor},
 * {@link AdminConnection}), so a client that connects and says nothing costs a small buffer
 * until its read timeout, not a thread; requests
 * are size-bounded; connections are shared out so that no user can take root's
 * ({@link ConnectionQuota}); whatever a client sends, the worst it gets is an error reply and a
 * closed connection. {@code list} and {@code status} are answered from the engine's immutable snapshot
 * on that thread; mutating commands complete later on the engine's thread.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

    private final Path socket;
    private final Object socketFileKey;
    private final EventLoopGroup loop;

    private AdminServer(Path socket, Object socketFileKey, EventLoopGroup loop) {
        this.socket = socket;
        this.socketFileKey = socketFileKey;
        this.loop = loop;
    }

    public static AdminServer start(AdminServerOptions options, AdminHandler handler) throws IOException {
        return start(options, handler, Clock.systemUTC());
    }

    /**
     * Binds the socket (see {@link AdminSocketFile} for what happens to an existing file) and
     * starts answering.
     *
     * @param clock the time {@code remaining_seconds} and {@code uptime_seconds} are computed at
     * @throws org.ovsqos.daemon.common.DaemonException when another process answers on the socket, or
     *                                           the path is not a socket
     */
    public static AdminServer start(AdminServerOptions options, AdminHandler handler, Clock clock) throws IOException {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(clock, "clock");
        Socket bound = AdminSocketFile.bind(options.socket());
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, runnable -> {
            Thread thread = new FastThreadLocalThread(runnable, "ovs-qos-admin");
            thread.setDaemon(true);
            return thread;
        }, EpollIoHandler.newFactory());
        // Netty 4.2's loop wakes every second when nothing is scheduled; a task due once a day
        // lets it sleep until a client connects (the socket is idle nearly all the time).
        loop.next().scheduleAtFixedRate(AdminServer::nothing, 1, 1, TimeUnit.DAYS);
        try {
            Object fileKey = Files.readAttributes(options.socket(), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).fileKey();
            UserNames names = UserNames.system();
            AdminJson json = new AdminJson();
            AdminDispatcher dispatcher = new AdminDispatcher(handler, json, clock, options.commandTimeout(), names);
            Channel server = new ServerBootstrap()
                    .group(loop)
                    .channelFactory(() -> new EpollServerDomainSocketChannel(bound.intValue(), true))
                    // A request may end with a half-close; the reply still goes out on the other half.
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childHandler(new AdminAcceptor(options, dispatcher, json, names))
                    .register().syncUninterruptibly().channel();
            if (!server.isActive()) {
                throw new IOException("the admin socket " + options.socket() + " did not start accepting");
            }
            log.info("admin socket listening path={}", options.socket());
            return new AdminServer(options.socket(), fileKey, loop);
        } catch (IOException | RuntimeException e) {
            loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            bound.close();
            Files.deleteIfExists(options.socket());
            throw e;
        }
    }

    private static void nothing() {
        // See start.
    }

    public Path socket() {
        return socket;
    }

    /** Stops answering, drops open connections and removes the socket file. */
    @Override
    public void close() {
        // Shutting the event loop down closes every channel registered with it, the server's too.
        loop.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        removeSocketFile();
    }

    // Only our own file: after a restart race the path could name a newer daemon's socket.
    private void removeSocketFile() {
        try {
            Object key = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            if (Objects.equals(key, socketFileKey)) {
                Files.delete(socket);
            }
        } catch (IOException e) {
            log.debug("admin socket file not removed path={} error=\"{}\"", socket, e.toString());
        }
    }
}
