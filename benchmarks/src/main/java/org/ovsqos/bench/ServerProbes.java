package org.ovsqos.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Two other clients of ovsdb-server, watching what a large transaction does to everyone else, on
 * raw sockets ({@link RawOvsdbClient}) so that their own parsing adds nothing:
 *
 * <ul>
 * <li>a <b>monitor</b> of Interface's name and policing columns ({@code monitor_cond}, so
 * {@code update2} notifications, as the daemon's own replica and ovs-vswitchd get them), whose
 * reader thread stamps the arrival of every notification;
 * <li>an <b>echo probe</b> that sends {@code echo}, waits for the answer, pauses 1 ms and sends the
 * next: ovsdb-server is single-threaded, so a probe sent while it commits a transaction waits
 * until the commit and its notifications are done. The longest round trip overlapping a
 * transaction is how long any other client (ovs-vswitchd, an {@code ovs-vsctl}) was kept waiting.
 * </ul>
 */
final class ServerProbes implements AutoCloseable {
    private final RawOvsdbClient monitor;
    private final RawOvsdbClient echo;
    private final BlockingQueue<Long> updates = new LinkedBlockingQueue<>();
    private final List<long[]> echoes = new ArrayList<>(); // {sent, round trip}, guarded by itself
    private final Thread monitorReader;
    private final Thread echoLoop;
    private volatile boolean closed;

    ServerProbes(Path socket) throws IOException {
        monitor = new RawOvsdbClient(socket);
        byte[] request = ("[\"" + BenchDatabase.DB + "\",\"bench-monitor\",{\"Interface\":{\"columns\":"
                + "[\"name\",\"ingress_policing_rate\",\"ingress_policing_burst\"]}}]").getBytes(UTF_8);
        monitor.call(RawOvsdbClient.request(1, "monitor_cond", ByteBuffer.wrap(request))); // the initial rows
        echo = new RawOvsdbClient(socket);
        monitorReader = new Thread(this::readUpdates, "bench-monitor");
        monitorReader.setDaemon(true);
        monitorReader.start();
        echoLoop = new Thread(this::probe, "bench-echo");
        echoLoop.setDaemon(true);
        echoLoop.start();
    }

    private void readUpdates() {
        while (!closed) {
            try {
                monitor.receive();
            } catch (IOException e) {
                return;
            }
            updates.add(System.nanoTime());
        }
    }

    private void probe() {
        ByteBuffer noParams = ByteBuffer.wrap("[]".getBytes(UTF_8));
        for (long id = 1; !closed; id++) {
            try {
                long sent = System.nanoTime();
                echo.call(RawOvsdbClient.request(id, "echo", noParams));
                long roundTrip = System.nanoTime() - sent;
                synchronized (echoes) {
                    echoes.add(new long[] {sent, roundTrip});
                    echoes.notifyAll();
                }
                Thread.sleep(1); // a probe, not a load: leave the server and the two cores alone between echoes
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }

    /** When the next monitor notification arrived (waiting for it up to {@code timeout}). */
    long nextUpdate(Duration timeout) throws InterruptedException {
        Long at = updates.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (at == null) {
            throw new IllegalStateException("no monitor update within " + timeout);
        }
        return at;
    }

    /**
     * The longest echo round trip that overlapped {@code [from, to]} (nanoTime), in ns: how long
     * ovsdb-server kept another client waiting during that span. Waits until a probe sent after
     * {@code to} has come back, so that the one held up by the span's end is counted too.
     */
    long longestEchoDuring(long from, long to) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long longest = 0;
        synchronized (echoes) {
            while (echoes.isEmpty() || echoes.get(echoes.size() - 1)[0] <= to) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the echo probe has stopped answering");
                }
                TimeUnit.NANOSECONDS.timedWait(echoes, left);
            }
            for (int i = echoes.size() - 1; i >= 0; i--) {
                long[] e = echoes.get(i);
                if (e[0] + e[1] < from) {
                    break; // earlier probes ended before the span (they are in order of sending)
                }
                if (e[0] <= to) {
                    longest = Math.max(longest, e[1]);
                }
            }
        }
        return longest;
    }

    /** Round trips of every echo so far, in ns (the probe's idle figure before any transaction). */
    long[] echoRoundTrips() {
        synchronized (echoes) {
            return echoes.stream().mapToLong(e -> e[1]).toArray();
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        monitor.close();
        echo.close();
        try {
            monitorReader.join(1000);
            echoLoop.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // both are daemon threads, ending on their closed sockets anyway
        }
    }
}
