package org.ovsqos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Target 4: {@code ovs-qos list} answers in under 300 ms wall, JVM start included, with 1000
 * interfaces.
 *
 * <p>The daemon runs against the 1000-interface database; the command is the launcher
 * ({@code sh packaging/ovs-qos list --admin-socket …}, the C1-only client flags) timed by
 * hyperfine ({@code --shell=none}, 3 warm-up runs) when it is installed, else by a loop of runs
 * timed here. Three ways: without a class-data archive; with the package's archive (a static one
 * of what a {@code list} of a training daemon's three interfaces loaded: {@code train_archives} in
 * packaging/scripts/maint.sh); and with a dynamic archive dumped at the exit of a {@code list}
 * that really lists 1000 interfaces, for comparison. {@code list --json} is timed without and
 * with the package's archive.
 *
 * <p>Properties: {@code bench.interfaces} (1000), {@code bench.runs} (30).
 */
public final class ListCommandBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ListCommandBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = BenchDatabase.interfaceCount();
        int runs = Integer.getInteger("bench.runs", 30);
        BenchResults results = new BenchResults("list");
        try (ScratchDir dir = new ScratchDir();
                BenchDatabase db = BenchDatabase.start(count);
                NotifySocket notify = new NotifySocket(dir.resolve("notify"));
                BenchDaemon daemon = BenchDaemon.start(dir.resolve("daemon"),
                        "unix:" + db.server().socketPath(), Optional.empty(), Optional.of(notify));
                Observer observer = new Observer(db)) {
            notify.awaitReady(BenchDatabase.scaled(Duration.ofSeconds(60)));
            observer.awaitPoliced(count, BenchDatabase.scaled(Duration.ofSeconds(60)));
            String socket = daemon.adminSocket().toString();

            JsonNode listed = JSON.readTree(run(List.of("list", "--json", "--admin-socket", socket), Map.of()));
            String table = run(List.of("list", "--admin-socket", socket), Map.of());
            if (listed.size() != count || table.lines().count() < count) {
                throw new IllegalStateException("list shows " + listed.size() + " interfaces (table: "
                        + table.lines().count() + " lines), expected " + count);
            }

            Path packageArchive = BenchDaemon.cliArchive(); // the package's: static, trained on a list of three
            Path trainedArchive = dir.resolve("trained.jsa");
            run(List.of("list", "--admin-socket", socket),
                    Map.of("OVS_QOS_JAVA_OPTS", "-XX:ArchiveClassesAtExit=" + trainedArchive));
            for (Path a : List.of(packageArchive, trainedArchive)) {
                if (!Files.isReadable(a)) {
                    throw new IllegalStateException("no class-data archive was written at " + a);
                }
            }
            Path none = dir.resolve("none.jsa"); // does not exist: the launcher then passes no archive

            Samples plain = time("list, no CDS archive", List.of("list", "--admin-socket", socket), none, runs,
                    dir.path());
            Samples packaged = time("list, the package's CDS archive", List.of("list", "--admin-socket", socket),
                    packageArchive, runs, dir.path());
            Samples trained = time("list, dynamic CDS archive of a real list", List.of("list", "--admin-socket",
                    socket), trainedArchive, runs, dir.path());
            Samples json = time("list --json, no CDS archive", List.of("list", "--json", "--admin-socket", socket),
                    none, runs, dir.path());
            Samples jsonPackage = time("list --json, the package's CDS archive", List.of("list", "--json",
                    "--admin-socket", socket), packageArchive, runs, dir.path());

            results.note("timer", hyperfine().isPresent() ? "hyperfine -N, " + runs + " runs" : runs + " runs, loop");
            verdict(results, "list, no CDS: p50 / p90", plain);
            verdict(results, "list, package CDS: p50 / p90", packaged);
            verdict(results, "list, dynamic CDS of a real list: p50 / p90", trained);
            verdict(results, "list --json, no CDS: p50 / p90", json);
            verdict(results, "list --json, package CDS: p50 / p90", jsonPackage);
        }
    }

    private static void verdict(BenchResults results, String metric, Samples s) {
        results.verdict(metric, BenchResults.ms(s.median()) + " / " + BenchResults.ms(s.percentile(90)),
                "p50 < 300 ms", s.median() < 300);
    }

    /** Runs the launcher once and returns what it printed; fails on a non-zero exit. */
    private static String run(List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", BenchDaemon.launcher().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        BenchDaemon.launcherEnvironment(builder.environment());
        builder.environment().put("OVS_QOS_CDS", "/nonexistent.jsa");
        builder.environment().putAll(env);
        Process p = builder.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            String text = new String(out, StandardCharsets.UTF_8);
            boolean expectedFailure = args.contains("/nonexistent");
            if (!expectedFailure) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + text);
            }
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static Optional<String> hyperfine() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, "hyperfine"))) {
                return Optional.of(Path.of(d, "hyperfine").toString());
            }
        }
        return Optional.empty();
    }

    private static Samples time(String label, List<String> args, Path archive, int runs, Path dir)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", BenchDaemon.launcher().toString()));
        command.addAll(args);
        Optional<String> hyperfine = hyperfine();
        Samples samples;
        if (hyperfine.isPresent()) {
            Path export = dir.resolve("hyperfine-" + Math.abs(label.hashCode()) + ".json");
            ProcessBuilder builder = new ProcessBuilder(List.of(hyperfine.get(), "--shell=none", "--warmup", "3",
                    "--runs", Integer.toString(runs), "--style", "basic", "--export-json", export.toString(),
                    "--command-name", label, String.join(" ", command))).inheritIO();
            BenchDaemon.launcherEnvironment(builder.environment());
            builder.environment().put("OVS_QOS_CDS", archive.toString());
            if (builder.start().waitFor() != 0) {
                throw new IllegalStateException("hyperfine failed on " + label);
            }
            JsonNode times = JSON.readTree(export.toFile()).path("results").path(0).path("times");
            double[] millis = new double[times.size()];
            for (int i = 0; i < millis.length; i++) {
                millis[i] = times.get(i).asDouble() * 1000;
            }
            samples = Samples.ofMillis(millis);
        } else {
            long[] nanos = new long[runs];
            for (int i = -3; i < runs; i++) {
                ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD);
                BenchDaemon.launcherEnvironment(builder.environment());
                builder.environment().put("OVS_QOS_CDS", archive.toString());
                long t = System.nanoTime();
                int code = builder.start().waitFor();
                long took = System.nanoTime() - t;
                if (code != 0) {
                    throw new IllegalStateException(label + " exited " + code);
                }
                if (i >= 0) {
                    nanos[i] = took;
                }
            }
            samples = Samples.ofNanos(nanos);
        }
        System.out.printf(Locale.ROOT, "%s: %s%n", label, samples.describe());
        return samples;
    }
}
