package org.ovsqos.daemon.admin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin socket's selector thread: accepts, reads each request up to its newline (or
 * half-close) within the size and time limits, hands it to the {@link AdminDispatcher}, writes
 * the reply and closes. Replies to mutating commands arrive from the engine's thread through a
 * queue and a selector wake-up; everything else here is touched by this thread only.
 */
final class AdminLoop implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(AdminLoop.class);
    private static final int READ_CHUNK = 8 * 1024;

    private final AdminServerOptions options;
    private final ServerSocketChannel server;
    private final AdminDispatcher dispatcher;
    private final AdminJson json = new AdminJson();
    private final UidResolver uids = new UidResolver();
    private final Selector selector;
    private final Queue<Runnable> completions = new ConcurrentLinkedQueue<>();
    private final Set<AdminConnection> connections = new HashSet<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_CHUNK);
    private volatile boolean stopping;

    AdminLoop(AdminServerOptions options, ServerSocketChannel server, AdminDispatcher dispatcher) throws IOException {
        this.options = options;
        this.server = server;
        this.dispatcher = dispatcher;
        this.selector = Selector.open();
        try {
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            selector.close();
            throw e;
        }
    }

    void stop() {
        stopping = true;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (!stopping) {
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
        } catch (RuntimeException e) {
            // One connection's bug must not end the loop that serves all the others.
            log.warn("admin connection failed error=\"{}\"", e.toString(), e);
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
                AdminConnection connection = new AdminConnection(channel, deadline());
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
        // No deadline while WAITING: the dispatcher's command timeout bounds the engine's work.
        connection.phase = AdminConnection.Phase.WAITING;
        connection.key.interestOps(0);
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
        connection.deadlineNanos = deadline();
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
    }

    private byte[] errorLine(String error) {
        return (json.text(AdminJson.failure(error)) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private long deadline() {
        return System.nanoTime() + options.readTimeout().toNanos();
    }
}
