package org.ovsqos.daemon.admin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin socket: a unix stream socket, mode 0660, one JSON request and one JSON response per
 * connection (format in {@link AdminJson}).
 *
 * <p>One thread runs a selector over every connection, so a client that connects and says
 * nothing costs a small buffer until its read timeout, not a thread; requests are size-bounded;
 * {@code list} and {@code status} are answered on this thread from the engine's immutable
 * snapshot, mutating commands complete later on the engine's thread and come back through a
 * queue. Whatever a client sends, the worst it gets is an error reply and a closed connection.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
    private static final int READ_CHUNK = 8 * 1024;

    private final AdminServerOptions options;
    private final AdminJson json = new AdminJson();
    private final AdminDispatcher dispatcher;
    private final UidResolver uids = new UidResolver();
    private final ServerSocketChannel server;
    private final Object socketFileKey;
    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> completions = new ConcurrentLinkedQueue<>();
    // Touched by the selector thread only.
    private final Set<AdminConnection> connections = new HashSet<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_CHUNK);
    private volatile boolean closing;

    private AdminServer(AdminServerOptions options, AdminHandler handler, Clock clock,
                        ServerSocketChannel server, Object socketFileKey, Selector selector) {
        this.options = options;
        this.dispatcher = new AdminDispatcher(handler, json, clock, options.commandTimeout());
        this.server = server;
        this.socketFileKey = socketFileKey;
        this.selector = selector;
        this.thread = new Thread(this::loop, "ovs-qos-admin");
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
     * @throws org.ovsqos.daemon.DaemonException when another process answers on the socket, or
     *                                           the path is not a socket
     */
    public static AdminServer start(AdminServerOptions options, AdminHandler handler, Clock clock) throws IOException {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(clock, "clock");
        ServerSocketChannel server = AdminSocketFile.bind(options.socket());
        Selector selector = null;
        try {
            Object fileKey = Files.readAttributes(options.socket(), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).fileKey();
            server.configureBlocking(false);
            selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
            AdminServer admin = new AdminServer(options, handler, clock, server, fileKey, selector);
            admin.thread.start();
            log.info("admin socket listening path={}", options.socket());
            return admin;
        } catch (IOException | RuntimeException e) {
            server.close();
            if (selector != null) {
                selector.close();
            }
            Files.deleteIfExists(options.socket());
            throw e;
        }
    }

    public Path socket() {
        return options.socket();
    }

    /** Stops answering, drops open connections and removes the socket file. */
    @Override
    public void close() {
        closing = true;
        selector.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        try {
            while (!closing) {
                selector.select(this::onReady, millisToNextDeadline());
                Runnable completion;
                while ((completion = completions.poll()) != null) {
                    completion.run();
                }
                expire();
            }
        } catch (IOException | RuntimeException e) {
            log.error("admin socket stopped path={} error=\"{}\"", options.socket(), e.toString(), e);
        } finally {
            shutdown();
        }
    }

    private void onReady(SelectionKey key) {
        if (key.channel() == server) {
            acceptAll();
            return;
        }
        AdminConnection connection = (AdminConnection) key.attachment();
        try {
            if (key.isValid() && key.isReadable()) {
                read(connection);
            }
            if (key.isValid() && key.isWritable()) {
                write(connection);
            }
        } catch (IOException e) {
            // The client went away or broke the stream: nothing to answer.
            log.debug("admin connection dropped error=\"{}\"", e.toString());
            close(connection);
        }
    }

    private void acceptAll() {
        try {
            SocketChannel channel;
            while ((channel = server.accept()) != null) {
                channel.configureBlocking(false);
                if (connections.size() >= options.maxConnections()) {
                    rejectBusy(channel);
                    continue;
                }
                AdminConnection connection = new AdminConnection(channel, deadline(options.readTimeout().toNanos()));
                connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
                connections.add(connection);
            }
        } catch (IOException e) {
            log.warn("admin socket accept failed error=\"{}\"", e.toString());
        }
    }

    private void rejectBusy(SocketChannel channel) {
        try (channel) {
            channel.write(ByteBuffer.wrap(errorLine("too many admin connections; try again")));
        } catch (IOException ignored) {
            // Best effort: the client sees the connection close either way.
        }
    }

    private void read(AdminConnection connection) throws IOException {
        readBuffer.clear();
        int n = connection.channel.read(readBuffer);
        if (n < 0) {
            // Half-close ends a request too; a connect-and-close (a liveness probe) gets nothing.
            if (connection.length() == 0) {
                close(connection);
            } else {
                dispatch(connection, connection.length());
            }
            return;
        }
        readBuffer.flip();
        int end = connection.append(readBuffer, options.maxRequestBytes());
        if (end == AdminConnection.TOO_LARGE) {
            respond(connection, errorLine("request larger than " + options.maxRequestBytes() + " bytes"));
        } else if (end != AdminConnection.INCOMPLETE) {
            dispatch(connection, end);
        }
    }

    private void dispatch(AdminConnection connection, int length) {
        connection.phase = AdminConnection.Phase.WAITING;
        connection.key.interestOps(0);
        // No deadline while WAITING: the dispatcher's command timeout bounds the engine's work.
        CompletableFuture<byte[]> response = dispatcher.dispatch(connection.request(length),
                () -> PeerCredentials.of(connection.channel, uids));
        if (response.isDone()) {
            respond(connection, response.join());
        } else {
            response.thenAccept(bytes -> {
                completions.add(() -> respond(connection, bytes));
                selector.wakeup();
            });
        }
    }

    private void respond(AdminConnection connection, byte[] line) {
        if (!connection.channel.isOpen()) {
            return;
        }
        connection.phase = AdminConnection.Phase.WRITING;
        connection.response = ByteBuffer.wrap(line);
        connection.deadlineNanos = deadline(options.readTimeout().toNanos());
        try {
            write(connection);
            if (connection.channel.isOpen()) {
                connection.key.interestOps(SelectionKey.OP_WRITE);
            }
        } catch (IOException e) {
            close(connection);
        }
    }

    private void write(AdminConnection connection) throws IOException {
        connection.channel.write(connection.response);
        if (!connection.response.hasRemaining()) {
            close(connection);
        }
    }

    private void expire() {
        if (connections.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        for (AdminConnection connection : new ArrayList<>(connections)) {
            if (connection.phase != AdminConnection.Phase.WAITING && now - connection.deadlineNanos >= 0) {
                if (connection.phase == AdminConnection.Phase.READING) {
                    tryTell(connection, "no complete request within " + options.readTimeout().toMillis() + " ms");
                }
                close(connection);
            }
        }
    }

    // A silent client most likely does not read either; the reply is a courtesy, never waited for.
    private void tryTell(AdminConnection connection, String error) {
        try {
            connection.channel.write(ByteBuffer.wrap(errorLine(error)));
        } catch (IOException ignored) {
            // It is being dropped anyway.
        }
    }

    private long millisToNextDeadline() {
        long now = System.nanoTime();
        long soonest = Long.MAX_VALUE;
        for (AdminConnection connection : connections) {
            if (connection.phase != AdminConnection.Phase.WAITING) {
                soonest = Math.min(soonest, Math.max(0, connection.deadlineNanos - now));
            }
        }
        if (soonest == Long.MAX_VALUE) {
            return 0; // no deadline: block until something happens
        }
        return TimeUnit.NANOSECONDS.toMillis(soonest) + 1;
    }

    private void close(AdminConnection connection) {
        connections.remove(connection);
        if (connection.key != null) {
            connection.key.cancel();
        }
        try {
            connection.channel.close();
        } catch (IOException ignored) {
            // Closing a unix socket we own does not fail in a way we could act on.
        }
    }

    private void shutdown() {
        for (AdminConnection connection : new ArrayList<>(connections)) {
            close(connection);
        }
        try {
            server.close();
            selector.close();
        } catch (IOException | RuntimeException e) {
            log.debug("admin socket close error=\"{}\"", e.toString());
        }
        removeSocketFile();
    }

    // Only our own file: after a restart race the path could name a newer daemon's socket.
    private void removeSocketFile() {
        Path socket = options.socket();
        try {
            Object key = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            if (Objects.equals(key, socketFileKey)) {
                Files.delete(socket);
            }
        } catch (IOException e) {
            log.debug("admin socket file not removed path={} error=\"{}\"", socket, e.toString());
        }
    }

    private byte[] errorLine(String error) {
        return (json.text(AdminJson.failure(error)) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static long deadline(long afterNanos) {
        return System.nanoTime() + afterNanos;
    }
}
