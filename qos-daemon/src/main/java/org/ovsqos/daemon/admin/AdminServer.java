package org.ovsqos.daemon.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import jnr.unixsocket.UnixServerSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin socket: a unix stream socket, mode 0660, one JSON request and one JSON response per
 * connection (format in {@link AdminJson}); {@code release} and {@code reload} only for a peer
 * of uid 0 (the kernel's SO_PEERCRED, see {@link PeerCredentials}).
 *
 * <p>One thread ({@link AdminLoop}) serves every connection through a selector, so a client that
 * connects and says nothing costs a small buffer until its read timeout, not a thread; requests
 * are size-bounded; connections are shared out so that no user can take root's
 * ({@link ConnectionQuota}); whatever a client sends, the worst it gets is an error reply and a
 * closed connection. {@code list} and {@code status} are answered from the engine's immutable snapshot
 * on that thread; mutating commands complete later on the engine's thread.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

    private final Path socket;
    private final Object socketFileKey;
    private final AdminLoop loop;
    private final Thread thread;

    private AdminServer(Path socket, Object socketFileKey, AdminLoop loop) {
        this.socket = socket;
        this.socketFileKey = socketFileKey;
        this.loop = loop;
        this.thread = new Thread(loop, "ovs-qos-admin");
        this.thread.setDaemon(true);
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
        UnixServerSocketChannel channel = AdminSocketFile.bind(options.socket());
        try {
            Object fileKey = Files.readAttributes(options.socket(), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).fileKey();
            UserNames names = UserNames.system();
            AdminDispatcher dispatcher = new AdminDispatcher(handler, new AdminJson(), clock, options.commandTimeout(), names);
            AdminServer server = new AdminServer(options.socket(), fileKey, new AdminLoop(options, channel, dispatcher, names));
            server.thread.start();
            log.info("admin socket listening path={}", options.socket());
            return server;
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(options.socket());
            throw e;
        }
    }

    public Path socket() {
        return socket;
    }

    /** Stops answering, drops open connections and removes the socket file. */
    @Override
    public void close() {
        loop.stop();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
