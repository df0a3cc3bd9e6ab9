package org.ovsqos.daemon.admin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import jnr.enxio.channels.NativeSelectorProvider;
import jnr.unixsocket.UnixServerSocketChannel;
import jnr.unixsocket.UnixSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin socket's selector thread: accepts within the {@link ConnectionQuota}, reads each
 * request up to its newline (or half-close) within the size and time limits, hands it to the
 * {@link AdminDispatcher}, writes the reply and closes. Replies to mutating commands arrive from
 * the engine's thread through a queue and a selector wake-up; everything else here is touched by
 * this thread only.
 *
 * <p>Channels and selector are jnr-unixsocket's (see {@link PeerCredentials} for why); its
 * selector is poll(2) based, which reports a hang-up even on a key with no interest set.
 */
final class AdminLoop implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(AdminLoop.class);
    private static final int READ_CHUNK = 8 * 1024;

    private final AdminServerOptions options;
    private final UnixServerSocketChannel server;
    private final AdminDispatcher dispatcher;
    private final AdminJson json = new AdminJson();
    private final ConnectionQuota quota;
    private final RefusalLog refusals;
    private final Selector selector;
    private final Queue<Runnable> completions = new ConcurrentLinkedQueue<>();
    private final Set<AdminConnection> connections = new HashSet<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_CHUNK);
    private volatile boolean stopping;

    AdminLoop(AdminServerOptions options, UnixServerSocketChannel server, AdminDispatcher dispatcher, UserNames names)
            throws IOException {
        this.options = options;
        this.server = server;
        this.dispatcher = dispatcher;
        this.quota = new ConnectionQuota(options.maxConnections(), options.maxConnectionsPerUser(), options.reservedForRoot());
        this.refusals = new RefusalLog(names);
        this.selector = NativeSelectorProvider.getInstance().openSelector();
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
                selector.select(millisToNextDeadline());
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    onReady(key);
                }
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
        if (key.isValid() && key.readyOps() == 0) {
            // poll(2) reports a hang-up (or error) whatever the interest, so this is a client that
            // left while its command runs in the engine: nobody to answer, and left registered it
            // would be reported on every turn of the loop.
            close(connection);
            return;
        }
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
            UnixSocketChannel channel;
            while ((channel = server.accept()) != null) {
                channel.configureBlocking(false);
                PeerCredentials peer = PeerCredentials.of(channel);
                ConnectionQuota.Verdict verdict = quota.admit(peer);
                if (verdict != ConnectionQuota.Verdict.ADMITTED) {
                    refusals.refused(peer, verdict, quota, System.nanoTime());
                    turnAway(channel, verdict == ConnectionQuota.Verdict.USER_FULL
                            ? "too many admin connections from uid " + peer.uid() + " (at most "
                                    + options.maxConnectionsPerUser() + " per user); try again"
                            : "too many admin connections; try again");
                    continue;
                }
                AdminConnection connection = new AdminConnection(channel, peer, deadline());
                connections.add(connection);
                connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
            }
        } catch (IOException e) {
            log.warn("admin socket accept failed error=\"{}\"", e.toString());
        }
    }

    private void turnAway(UnixSocketChannel channel, String error) {
        try (channel) {
            channel.write(ByteBuffer.wrap(errorLine(error)));
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
        int limit = options.maxRequestBytes(connection.peer);
        int end = connection.append(readBuffer, limit);
        if (end == AdminConnection.TOO_LARGE) {
            respond(connection, errorLine("request larger than " + limit + " bytes"));
        } else if (end != AdminConnection.INCOMPLETE) {
            dispatch(connection, end);
        }
    }

    private void dispatch(AdminConnection connection, int length) {
        // No deadline while WAITING: the dispatcher's command timeout bounds the engine's work.
        connection.phase = AdminConnection.Phase.WAITING;
        connection.key.interestOps(0);
        CompletableFuture<byte[]> response = dispatcher.dispatch(connection.request(length), connection.peer);
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
        if (connections.remove(connection)) {
            quota.release(connection.peer);
        }
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
