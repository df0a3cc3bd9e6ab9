package org.ovsqos.daemon.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jnr.enxio.channels.NativeSelectorProvider;
import jnr.unixsocket.UnixDatagramChannel;
import jnr.unixsocket.UnixSocketAddress;

/**
 * Stands in for systemd's notification socket: a unix datagram socket the daemon finds in
 * {@code NOTIFY_SOCKET}. Non-blocking, read when a test asks, so no thread is left behind; a
 * selector says when a datagram waits, as jnr reports "none" by throwing EAGAIN.
 */
final class NotifySocket implements AutoCloseable {
    private final Path path;
    private final UnixDatagramChannel channel;
    private final Selector selector;
    private final List<String> received = new ArrayList<>();

    private NotifySocket(Path path, UnixDatagramChannel channel, Selector selector) {
        this.path = path;
        this.channel = channel;
        this.selector = selector;
    }

    static NotifySocket bind(Path path) {
        try {
            UnixDatagramChannel channel = UnixDatagramChannel.open();
            channel.bind(new UnixSocketAddress(path.toFile()));
            channel.configureBlocking(false);
            Selector selector = NativeSelectorProvider.getInstance().openSelector();
            channel.register(selector, SelectionKey.OP_READ);
            return new NotifySocket(path, channel, selector);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + path, e);
        }
    }

    Path path() {
        return path;
    }

    /** Every datagram received so far, in order (each one sd_notify message). */
    synchronized List<String> messages() {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        try {
            while (selector.selectNow() > 0) {
                selector.selectedKeys().clear();
                channel.receive(buffer);
                buffer.flip();
                received.add(UTF_8.decode(buffer).toString());
                buffer.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(received);
    }

    @Override
    public void close() {
        try (selector) {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
