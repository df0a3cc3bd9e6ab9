package org.ovsqos.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ovsqos.core.policy.Limit;
import org.ovsqos.ovsdb.operation.TransactionCodec;

/**
 * How large one transaction of limit writes can be before ovsdb-server stops committing it
 * promptly (the knee), and what splitting a full tick into batches would buy.
 *
 * <p>On a database of N interfaces, one transaction of the daemon's own operations
 * ({@code LimitWrite.operations}, as {@link TransactBenchmark} reaches them: a comment, then one
 * {@code update} of {@code ingress_policing_rate/burst} per row guarded by {@code _uuid} and
 * {@code name}) on the first k rows, sent by {@link RawOvsdbClient} so the time is
 * ovsdb-server's: from the first byte written to the reply read. Every call sets a limit no call
 * has used, so each really changes its k rows; every reply is checked to count k rows, outside
 * the timing. For each k: the params' size, the commit time, the time per row, and
 * ovsdb-server's CPU per transaction ({@code /proc}). Then all N rows as N/b batches of b, sent
 * one after the other's reply (sequential) and all at once before reading the replies
 * (pipelined, as one connection can: a second thread writes while the first reads the replies).
 *
 * <p>The same again with two other clients watching ({@link ServerProbes}): a monitor of the
 * policing columns (when did it see the change?) and an echo probe (how long was the server
 * unable to answer anyone?).
 *
 * <p>Properties: {@code bench.interfaces} (1000; 5000 is what this is for),
 * {@code bench.sizes} (100,250,500,1000,2000,3000,4000,5000; those above N are skipped),
 * {@code bench.batches} (1000,500), {@code bench.warmup} (3), {@code bench.reps} (20).
 */
public final class TransactSizeBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration UPDATE_WAIT = Duration.ofSeconds(30);
    private static final ExecutorService SENDER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bench-sender");
        t.setDaemon(true);
        return t;
    });

    private final RawOvsdbClient raw;
    private final List<Map.Entry<String, UUID>> rows;
    private final int warmup;
    private final int reps;
    private long calls;
    private long id;

    private TransactSizeBenchmark(RawOvsdbClient raw, Map<String, UUID> interfaces, int warmup, int reps) {
        this.raw = raw;
        this.rows = new ArrayList<>(interfaces.entrySet());
        this.warmup = warmup;
        this.reps = reps;
    }

    public static void main(String[] args) throws Exception {
        int count = BenchDatabase.interfaceCount();
        List<Integer> sizes = sizes(System.getProperty("bench.sizes", "100,250,500,1000,2000,3000,4000,5000"), count,
                true);
        List<Integer> batches = sizes(System.getProperty("bench.batches", "1000,500"), count - 1, false);
        BenchResults results = new BenchResults("transact-size");
        try (BenchDatabase db = BenchDatabase.start(count);
                RawOvsdbClient raw = new RawOvsdbClient(db.server().socketPath())) {
            TransactSizeBenchmark bench = new TransactSizeBenchmark(raw, db.interfaces(),
                    Integer.getInteger("bench.warmup", 3), Integer.getInteger("bench.reps", 20));
            ProcStat server = new ProcStat(Long.parseLong(Files.readString(
                    db.server().directory().resolve("ovsdb-server.pid")).trim()));

            System.out.println("-- alone: the writer is ovsdb-server's only client");
            for (int k : sizes) {
                double cpu0 = server.cpuSeconds();
                Samples s = bench.single(k, null);
                double cpuMs = 1000 * (server.cpuSeconds() - cpu0) / (bench.warmup + bench.reps);
                int bytes = bench.params(0, k).capacity();
                System.out.printf(Locale.ROOT, "k=%d: %d bytes of params; %s; %.1f us/row; ovsdb-server CPU %.1f ms"
                        + " per transaction%n", k, bytes, s.describe(), 1000 * s.median() / k, cpuMs);
                results.note(String.format(Locale.ROOT, "k=%d: params / commit p50 / p90", k),
                        String.format(Locale.ROOT, "%.0f KB / %.1f / %.1f ms", bytes / 1000.0, s.median(),
                                s.percentile(90)));
                results.note(String.format(Locale.ROOT, "k=%d: per row / server CPU per txn", k),
                        String.format(Locale.ROOT, "%.1f us / %.1f ms", 1000 * s.median() / k, cpuMs));
            }
            for (int b : batches) {
                Samples seq = bench.batched(count, b, false, null);
                Samples pipe = bench.batched(count, b, true, null);
                String split = String.format(Locale.ROOT, "%d as %d x %d", count, (count + b - 1) / b, b);
                System.out.printf(Locale.ROOT, "%s: sequential %s%n  pipelined %s%n", split, seq.describe(),
                        pipe.describe());
                results.note(split + ": sequential / pipelined p50", BenchResults.ms(seq.median()) + " / "
                        + BenchResults.ms(pipe.median()));
            }

            System.out.println("-- watched: a monitor of the policing columns and an echo probe also connected");
            try (ServerProbes probes = new ServerProbes(db.server().socketPath())) {
                Thread.sleep(500); // let the probe take its idle round trips
                Samples idle = Samples.ofNanos(probes.echoRoundTrips());
                System.out.println("echo round trip, idle: " + idle.describe());
                for (int k : sizes) {
                    Watch w = new Watch(bench.reps);
                    Samples s = bench.single(k, new Watched(probes, w));
                    report(results, "k=" + k, s, w);
                }
                for (int b : batches) {
                    for (boolean pipelined : new boolean[] {false, true}) {
                        Watch w = new Watch(bench.reps);
                        Samples s = bench.batched(count, b, pipelined, new Watched(probes, w));
                        report(results, String.format(Locale.ROOT, "%d as %d x %d %s", count, (count + b - 1) / b, b,
                                pipelined ? "pipelined" : "sequential"), s, w);
                    }
                }
                results.note("echo round trip idle p50 / max", String.format(Locale.ROOT, "%.2f / %.2f ms",
                        idle.median(), idle.max()));
            }
            long unreasonable = Files.readAllLines(db.server().logFile(), UTF_8).stream()
                    .filter(l -> l.contains("Unreasonably long")).count();
            System.out.println("ovsdb-server's log: " + unreasonable
                    + " \"Unreasonably long ... poll interval\" lines");
            results.note("ovsdb-server 'Unreasonably long' warnings", Long.toString(unreasonable));
        }
    }

    private static void report(BenchResults results, String what, Samples reply, Watch w) {
        Samples update = w.update();
        Samples stall = w.stall();
        System.out.printf(Locale.ROOT, "%s watched: reply %s%n  monitor update seen %s%n  longest echo %s%n", what,
                reply.describe(), update.describe(), stall.describe());
        results.note(what + " watched: reply / update seen / longest echo, p50",
                String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", reply.median(), update.median(), stall.median()));
    }

    /** One transaction of k updates per call: warm-up calls, then the measured ones. */
    private Samples single(int k, Watched watched) throws IOException, InterruptedException {
        long[] nanos = new long[reps];
        for (int i = -warmup; i < reps; i++) {
            ByteBuffer params = params(0, k);
            long t = System.nanoTime();
            byte[] reply = raw.call(RawOvsdbClient.request(id++, "transact", params));
            long took = System.nanoTime() - t;
            check(reply, k);
            if (watched != null) {
                watched.record(i, t, t + took, 1);
            }
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        return Samples.ofNanos(nanos);
    }

    /** All n rows as batches of b: each sent after the last reply, or all sent before reading any reply. */
    private Samples batched(int n, int b, boolean pipelined, Watched watched) throws IOException, InterruptedException {
        long[] nanos = new long[reps];
        for (int i = -warmup; i < reps; i++) {
            List<ByteBuffer> params = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            for (int from = 0; from < n; from += b) {
                params.add(params(from, Math.min(n, from + b)));
                sizes.add(Math.min(n, from + b) - from);
            }
            long t = System.nanoTime();
            List<byte[]> replies = new ArrayList<>();
            if (pipelined) {
                // Written by another thread while this one reads: ovsdb-server stops reading a
                // connection whose replies are not being read, so writing all first could deadlock.
                List<ByteBuffer[]> requests = new ArrayList<>();
                for (ByteBuffer p : params) {
                    requests.add(RawOvsdbClient.request(id++, "transact", p));
                }
                Future<?> written = SENDER.submit(() -> {
                    for (ByteBuffer[] r : requests) {
                        raw.send(r);
                    }
                    return null;
                });
                for (int j = 0; j < params.size(); j++) {
                    replies.add(raw.receive());
                }
                try {
                    written.get();
                } catch (ExecutionException e) {
                    throw new IOException("sending the batches failed", e.getCause());
                }
            } else {
                for (ByteBuffer p : params) {
                    replies.add(raw.call(RawOvsdbClient.request(id++, "transact", p)));
                }
            }
            long took = System.nanoTime() - t;
            for (int j = 0; j < replies.size(); j++) {
                check(replies.get(j), sizes.get(j));
            }
            if (watched != null) {
                watched.record(i, t, t + took, params.size());
            }
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        return Samples.ofNanos(nanos);
    }

    /** The params of one transaction writing rows [from, to) to a limit no earlier call used. */
    private ByteBuffer params(int from, int to) throws IOException {
        calls++;
        Limit limit = new Limit(100_000 + calls, 10_000 + calls);
        Map<String, UUID> slice = new LinkedHashMap<>();
        for (Map.Entry<String, UUID> e : rows.subList(from, to)) {
            slice.put(e.getKey(), e.getValue());
        }
        return ByteBuffer.wrap(JSON.writeValueAsBytes(TransactionCodec.params(BenchDatabase.DB,
                LimitWrites.operations(LimitWrites.allTo(slice, limit)))));
    }

    private static void check(byte[] reply, int k) {
        String text = new String(reply, UTF_8);
        int updated = 0;
        for (int i = text.indexOf("{\"count\":1}"); i >= 0; i = text.indexOf("{\"count\":1}", i + 1)) {
            updated++;
        }
        if (updated != k) {
            throw new IllegalStateException(updated + " of " + k + " updates changed a row: "
                    + text.substring(0, Math.min(text.length(), 300)));
        }
    }

    private static List<Integer> sizes(String list, int atMost, boolean withAtMost) {
        List<Integer> sizes = new ArrayList<>(Arrays.stream(list.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(Integer::valueOf).filter(k -> k > 0 && k <= atMost).distinct()
                .sorted().toList());
        if (withAtMost && !sizes.contains(atMost)) {
            sizes.add(atMost);
        }
        return sizes;
    }

    /** What the probes saw of each measured call: its monitor update(s), and the longest echo during it. */
    private static final class Watch {
        final long[] update;
        final long[] stall;

        Watch(int reps) {
            update = new long[reps];
            stall = new long[reps];
        }

        Samples update() {
            return Samples.ofNanos(update);
        }

        Samples stall() {
            return Samples.ofNanos(stall);
        }
    }

    private record Watched(ServerProbes probes, Watch watch) {
        /**
         * Call {@code i} ran from {@code sent} to {@code replied} and caused {@code updates}
         * notifications, which are taken off the monitor's queue even for a warm-up call
         * ({@code i < 0}, not recorded), so that none is mistaken for the next call's.
         */
        void record(int i, long sent, long replied, int updates) throws InterruptedException {
            long last = 0;
            for (int u = 0; u < updates; u++) {
                last = probes.nextUpdate(UPDATE_WAIT);
            }
            if (i < 0) {
                return;
            }
            watch.update[i] = last - sent;
            watch.stall[i] = probes.longestEchoDuring(sent, Math.max(replied, last));
        }
    }
}
