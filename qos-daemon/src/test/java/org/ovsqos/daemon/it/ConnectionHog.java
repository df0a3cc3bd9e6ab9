package org.ovsqos.daemon.it;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * A local user trying to lock root out of the admin socket: it keeps {@code COUNT} connections
 * open and silent, and opens a new one whenever the daemon closes one (after its read timeout,
 * or at once when refusing it). It prints {@code saturated} once the daemon has refused it a
 * connection, that is, once it holds all the daemon lets it hold, and runs until killed.
 *
 * <p>Run as another user from a copy of this one class file ({@code java -cp DIR
 * org.ovsqos.daemon.it.ConnectionHog SOCKET COUNT}), so it uses nothing but the JDK.
 */
public final class ConnectionHog {
    /** A refused connection is retried after this, so that refusals do not turn into a busy loop. */
    private static final long RETRY_REFUSED_NANOS = 100_000_000L;

    private final UnixDomainSocketAddress socket;
    private final Selector selector;
    private final long[] retryAt;
    private boolean saturated;

    private ConnectionHog(UnixDomainSocketAddress socket, int count) throws IOException {
        this.socket = socket;
        this.selector = Selector.open();
        this.retryAt = new long[count];
    }

    public static void main(String[] args) throws IOException {
        new ConnectionHog(UnixDomainSocketAddress.of(args[0]), Integer.parseInt(args[1])).run();
    }

    private void run() throws IOException {
        ByteBuffer in = ByteBuffer.allocate(4096);
        boolean[] open = new boolean[retryAt.length];
        while (true) {
            long now = System.nanoTime();
            long nextRetry = Long.MAX_VALUE;
            for (int slot = 0; slot < retryAt.length; slot++) {
                if (!open[slot] && now - retryAt[slot] >= 0) {
                    open[slot] = connect(slot);
                }
                if (!open[slot]) {
                    nextRetry = Math.min(nextRetry, retryAt[slot] - now);
                }
            }
            selector.select(nextRetry == Long.MAX_VALUE ? 0 : Math.max(1, nextRetry / 1_000_000));
            for (SelectionKey key : selector.selectedKeys()) {
                int slot = (Integer) key.attachment();
                String said = drain((SocketChannel) key.channel(), in);
                if (said == null) {
                    continue; // still open
                }
                key.cancel();
                key.channel().close();
                open[slot] = false;
                boolean refused = said.contains("too many admin connections");
                retryAt[slot] = System.nanoTime() + (refused ? RETRY_REFUSED_NANOS : 0);
                if (refused && !saturated) {
                    saturated = true;
                    System.out.println("saturated " + said.strip());
                    System.out.flush();
                }
            }
            selector.selectedKeys().clear();
        }
    }

    private boolean connect(int slot) {
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(socket);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, slot);
            return true;
        } catch (IOException e) {
            retryAt[slot] = System.nanoTime() + RETRY_REFUSED_NANOS;
            return false;
        }
    }

    /** What the daemon said before closing, or null while the connection is still open. */
    private static String drain(SocketChannel channel, ByteBuffer in) {
        StringBuilder said = new StringBuilder();
        try {
            int n;
            while ((n = channel.read(in.clear())) > 0) {
                said.append(new String(in.array(), 0, n, StandardCharsets.UTF_8));
            }
            return n < 0 ? said.toString() : (said.length() == 0 ? null : said.toString());
        } catch (IOException reset) {
            return said.toString();
        }
    }
}
