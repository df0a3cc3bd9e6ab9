package org.ovsqos.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jnr.unixsocket.UnixDatagramChannel;
import jnr.unixsocket.UnixSocketAddress;

/**
 * What systemd does for a {@code Type=notify} unit: a datagram socket whose path goes to the
 * daemon in {@code NOTIFY_SOCKET}. A reader thread stamps every datagram with
 * {@link System#nanoTime()} as it arrives, so the time of {@code READY=1} is not blurred by
 * whenever the benchmark gets round to asking.
 */
final class NotifySocket implements AutoCloseable {
    /** One datagram and when it arrived. */
    record Datagram(long nanoTime, String text) {
    }

    private final Path path;
    private final UnixDatagramChannel channel;
    private final BlockingQueue<Datagram> received = new LinkedBlockingQueue<>();

    NotifySocket(Path path) throws IOException {
        this.path = path;
        channel = UnixDatagramChannel.open();
        channel.bind(new UnixSocketAddress(path.toString()));
        Thread reader = new Thread(this::read, "notify-socket");
        reader.setDaemon(true);
        reader.start();
    }

    Path path() {
        return path;
    }

    private void read() {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (channel.isOpen()) {
            buffer.clear();
            try {
                channel.receive(buffer);
            } catch (IOException e) {
                return;
            }
            long at = System.nanoTime();
            buffer.flip();
            received.add(new Datagram(at, StandardCharsets.UTF_8.decode(buffer).toString()));
        }
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
    public void close() throws IOException {
        channel.close();
    }
}
