package org.ovsqos.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.ovsqos.core.policy.Limit;
import org.ovsqos.ovsdb.client.OvsdbClient;
import org.ovsqos.ovsdb.client.Replica;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.operation.CountResult;
import org.ovsqos.ovsdb.operation.Operation;
import org.ovsqos.ovsdb.operation.OperationResult;
import org.ovsqos.ovsdb.operation.TransactionCodec;

/**
 * Target 1: a tick that changes every limit is one {@code transact}, within 1.1x (p90) the time of the
 * same transaction sent by a minimal raw client.
 *
 * <p>On 1000 interfaces, {@code LimitWrite.operations} of 1000 writes goes through
 * {@link OvsdbClient#transact} (timed from building the operations to the parsed results), and
 * the same JSON, serialised beforehand, goes through {@link RawOvsdbClient}. The two alternate
 * call by call (which one goes first swaps every round) so that drift in machine load hits both
 * alike, and every call sets the other of two limits, so that each really changes all 1000 rows.
 * Every reply is checked to have updated 1000 rows (outside the timing). Context: the same
 * transaction on a client that also keeps the daemon's replica of Interface (as the daemon's
 * connection does), and one {@code ovs-vsctl} with 1000 {@code -- set} commands.
 *
 * <p>Properties: {@code bench.interfaces} (1000), {@code bench.warmup} (100 per client),
 * {@code bench.reps} (300 per client), {@code bench.vsctlReps} (20).
 */
public final class TransactBenchmark {
    private static final Limit[] LIMITS = {new Limit(1_000_000, 100_000), new Limit(900_000, 90_000)};
    private static final ObjectMapper JSON = new ObjectMapper();

    private TransactBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = BenchDatabase.interfaceCount();
        int warmup = Integer.getInteger("bench.warmup", 100);
        int reps = Integer.getInteger("bench.reps", 300);
        int vsctlReps = Integer.getInteger("bench.vsctlReps", 20);
        BenchResults results = new BenchResults("transact");
        try (BenchDatabase db = BenchDatabase.start(count);
                OvsdbClient client = db.connect();
                RawOvsdbClient raw = new RawOvsdbClient(db.server().socketPath())) {
            Map<String, UUID> interfaces = db.interfaces();
            List<List<Object>> writes = List.of(LimitWrites.allTo(interfaces, LIMITS[0]),
                    LimitWrites.allTo(interfaces, LIMITS[1]));
            List<ByteBuffer> params = new ArrayList<>();
            for (List<Object> w : writes) {
                byte[] bytes = JSON.writeValueAsBytes(TransactionCodec.params(BenchDatabase.DB,
                        LimitWrites.operations(w)));
                params.add(ByteBuffer.wrap(bytes));
            }
            System.out.printf(Locale.ROOT, "transact of %d updates: %d bytes of params%n", count,
                    params.get(0).capacity());

            Runner runner = new Runner(client, raw, writes, params, count);
            for (int i = 0; i < warmup; i++) {
                runner.ours();
                runner.raw();
            }
            long[] ours = new long[reps];
            long[] rawNanos = new long[reps];
            for (int i = 0; i < reps; i++) {
                if (i % 2 == 0) {
                    ours[i] = runner.ours();
                    rawNanos[i] = runner.raw();
                } else {
                    rawNanos[i] = runner.raw();
                    ours[i] = runner.ours();
                }
            }
            Samples o = Samples.ofNanos(ours);
            Samples r = Samples.ofNanos(rawNanos);
            System.out.println("OvsdbClient.transact: " + o.describe());
            System.out.println("raw client:           " + r.describe());
            double ratio = o.median() / r.median();
            double ratio90 = o.percentile(90) / r.percentile(90);
            results.note("raw client p50 / p90", BenchResults.ms(r.median()) + " / " + BenchResults.ms(r.percentile(90)));
            results.note("OvsdbClient p50 / p90", BenchResults.ms(o.median()) + " / " + BenchResults.ms(o.percentile(90)));
            results.note("ratio OvsdbClient/raw (p50)", String.format(Locale.ROOT, "%.2fx", ratio));
            results.verdict("ratio OvsdbClient/raw (p90)", String.format(Locale.ROOT, "%.2fx", ratio90), "<= 1.1x",
                    ratio90 <= 1.1);

            // What our client adds before the first byte leaves, without the I/O: the operations,
            // their JSON tree, and that tree written out (as JsonNodeEncoder does).
            long[] build = new long[reps];
            long[] encode = new long[reps];
            for (int i = 0; i < warmup + reps; i++) {
                long t = System.nanoTime();
                List<Operation> ops = LimitWrites.operations(writes.get(i % 2));
                var tree = TransactionCodec.params(BenchDatabase.DB, ops);
                long built = System.nanoTime();
                JSON.writeValueAsBytes(tree);
                long encoded = System.nanoTime();
                if (i >= warmup) {
                    build[i - warmup] = built - t;
                    encode[i - warmup] = encoded - built;
                }
            }
            Samples b = Samples.ofNanos(build);
            Samples e = Samples.ofNanos(encode);
            System.out.println("operations + params JSON tree only: " + b.describe());
            System.out.println("JSON tree to bytes only:            " + e.describe());
            results.note("client-side: ops+tree / bytes, p50", String.format(Locale.ROOT, "%.2f ms / %.2f ms",
                    b.median(), e.median()));

            withReplica(db, runner, warmup, reps, results);
            vsctl(db, vsctlReps, results);
        }
    }

    /** The daemon's situation: the same connection also carries a monitor of Interface. */
    private static void withReplica(BenchDatabase db, Runner runner, int warmup, int reps, BenchResults results) {
        ExecutorService events = Executors.newSingleThreadExecutor();
        try (OvsdbClient client = db.connect()) {
            Replica replica = client.replicate(BenchDatabase.DB, Map.of("Interface",
                    MonitorRequest.columns("name", "statistics", "ingress_policing_rate", "ingress_policing_burst",
                            "external_ids")), events);
            replica.firstSync().join();
            Runner monitored = runner.on(client);
            for (int i = 0; i < warmup; i++) {
                monitored.ours();
            }
            long[] nanos = new long[reps];
            for (int i = 0; i < reps; i++) {
                nanos[i] = monitored.ours();
            }
            Samples s = Samples.ofNanos(nanos);
            System.out.println("OvsdbClient.transact with a replica on the connection: " + s.describe());
            results.note("OvsdbClient + replica p50 / p90", BenchResults.ms(s.median()) + " / "
                    + BenchResults.ms(s.percentile(90)));
        } finally {
            events.shutdownNow();
        }
    }

    private static void vsctl(BenchDatabase db, int reps, BenchResults results) {
        long[] nanos = new long[reps];
        for (int i = 0; i < reps; i++) {
            // Neither of the transact benchmark's two limits, so that the first call changes every row too.
            Limit limit = new Limit(800_000 + (i % 2) * 1_000, 80_000);
            List<String> args = new ArrayList<>();
            for (String name : db.interfaces().keySet()) {
                args.addAll(List.of("--", "set", "interface", name, "ingress_policing_rate=" + limit.rateKbps(),
                        "ingress_policing_burst=" + limit.burstKb()));
            }
            long t = System.nanoTime();
            db.server().vsctl(args.toArray(String[]::new));
            nanos[i] = System.nanoTime() - t;
        }
        Samples s = Samples.ofNanos(nanos);
        System.out.println("one ovs-vsctl with " + db.interfaces().size() + " -- set: " + s.describe());
        results.note("ovs-vsctl, one -- set per row, p50 / p90", BenchResults.ms(s.median()) + " / "
                + BenchResults.ms(s.percentile(90)));
    }

    /** Both clients, and the alternation of limits that makes every call change every row. */
    private static final class Runner {
        private final OvsdbClient client;
        private final RawOvsdbClient raw;
        private final List<List<Object>> writes;
        private final List<ByteBuffer> params;
        private final int count;
        private long calls;
        private long id = 1_000_000;

        Runner(OvsdbClient client, RawOvsdbClient raw, List<List<Object>> writes, List<ByteBuffer> params,
                int count) {
            this.client = client;
            this.raw = raw;
            this.writes = writes;
            this.params = params;
            this.count = count;
        }

        Runner on(OvsdbClient other) {
            Runner r = new Runner(other, raw, writes, params, count);
            r.calls = calls;
            return r;
        }

        long ours() {
            List<Object> w = writes.get((int) (calls++ % 2));
            long t = System.nanoTime();
            List<OperationResult> results = client.transact(BenchDatabase.DB, LimitWrites.operations(w)).join();
            long took = System.nanoTime() - t;
            for (int i = 1; i < results.size(); i++) {
                if (!(results.get(i) instanceof CountResult c) || c.count() != 1) {
                    throw new IllegalStateException("update " + i + " did not change one row: " + results.get(i));
                }
            }
            return took;
        }

        long raw() throws IOException {
            ByteBuffer[] request = RawOvsdbClient.request(id++, "transact", params.get((int) (calls++ % 2)));
            long t = System.nanoTime();
            byte[] reply = raw.call(request);
            long took = System.nanoTime() - t;
            int updated = occurrences(new String(reply, UTF_8), "{\"count\":1}");
            if (updated != count) {
                throw new IllegalStateException(updated + " of " + count + " updates changed a row: "
                        + new String(reply, 0, Math.min(reply.length, 300), UTF_8));
            }
            return took;
        }

        private static int occurrences(String text, String what) {
            int n = 0;
            for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
                n++;
            }
            return n;
        }
    }
}
