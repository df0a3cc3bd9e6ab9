package org.ovsqos.daemon.systemd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for systemd's notification socket: a unix datagram socket the daemon finds in
 * {@code NOTIFY_SOCKET}. A bare non-blocking Netty socket, read when a test asks, so no thread is
 * left behind.
 */
public final class NotifySocket implements AutoCloseable {
    private final Path path;
    private final String name;
    private final Socket socket;
    // Netty's native receive writes at the buffer's memory address, so the buffer must be direct.
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(4096);
    private final List<String> received = new ArrayList<>();
    private int taken;

    private NotifySocket(Path path, String address, Socket socket) {
        this.path = path;
        this.name = address.replace('\0', '@');
        this.socket = socket;
    }

    public static NotifySocket bind(Path path) {
        return bind(path, path.toString());
    }

    /** In the Linux abstract namespace: the kernel's name is {@code name} after a NUL byte. */
    public static NotifySocket bindAbstract(String name) {
        return bind(null, "\0" + name);
    }

    private static NotifySocket bind(Path path, String address) {
        Epoll.ensureAvailability();
        Socket socket = Socket.newSocketDomainDgram();
        try {
            socket.bind(new DomainSocketAddress(address));
            return new NotifySocket(path, address, socket);
        } catch (IOException e) {
            close(socket);
            throw new UncheckedIOException("cannot bind " + address.replace('\0', '@'), e);
        }
    }

    /** Where a path-bound socket is (none for an abstract one). */
    public Path path() {
        return path;
    }

    /** Every datagram received so far, in order (each one sd_notify message). */
    public synchronized List<String> messages() {
        try {
            for (int n; (n = socket.recv(buffer, 0, buffer.capacity())) != 0; ) {
                // 0 is EAGAIN, nothing waiting; Netty reports an empty datagram as -1 ("end of stream").
                received.add(n < 0 ? "" : UTF_8.decode(buffer.clear().limit(n)).toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(received);
    }

    /**
     * The datagram after the one the previous call returned; waits for it, though a notifier in
     * this process has delivered it before its call returns (unix datagrams are queued on send).
     */
    public synchronized String next() {
        // In this thread: Awaitility's own would block on this object's lock.
        await("a datagram on " + this).pollInSameThread().pollDelay(Duration.ZERO)
                .atMost(Duration.ofSeconds(10)).until(() -> messages().size() > taken);
        return received.get(taken++);
    }

    @Override
    public void close() {
        close(socket);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
