package org.ovsqos.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code ovs-qos daemon} as operators run it: the launcher {@code packaging/ovs-qos} (so the
 * JVM flags are the shipped ones) on {@code qos-daemon/target/ovs-qos.jar}, as a child process,
 * with every path in a private directory. The launcher {@code exec}s java, so the child's pid is
 * the JVM's.
 *
 * <p>{@code bench.repo} names the repository root (default: the working directory);
 * {@code bench.java} picks the java binary (default: the launcher's own choice);
 * {@code bench.daemonJavaOpts}, for experiments only, adds JVM flags through the launcher's
 * {@code OVS_QOS_JAVA_OPTS} (the figures in BENCHMARKS.md say when they used it);
 * {@code bench.daemonCds=false} runs the daemon without its class-data archive.
 */
final class BenchDaemon implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final long startedNanos;

    private BenchDaemon(Process process, Path dir, long startedNanos) {
        this.process = process;
        this.dir = dir;
        this.startedNanos = startedNanos;
    }

    static Path repo() {
        return Path.of(System.getProperty("bench.repo", System.getProperty("user.dir"))).toAbsolutePath();
    }

    static Path launcher() {
        return repo().resolve("packaging/ovs-qos");
    }

    static Path jar() {
        Path jar = repo().resolve("qos-daemon/target/ovs-qos.jar");
        if (!Files.isReadable(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -B -ntp -DskipTests package");
        }
        return jar;
    }

    /**
     * The launcher's environment: our jar, the daemon's class-data archive as the package builds
     * it ({@link #daemonArchive}), and the java binary when {@code bench.java} is set.
     */
    static void launcherEnvironment(Map<String, String> env) {
        env.put("OVS_QOS_JAR", jar().toString());
        env.put("OVS_QOS_DAEMON_CDS", daemonArchive().toString());
        env.remove("OVS_QOS_JAVA_OPTS");
        Optional.ofNullable(System.getProperty("bench.java")).ifPresent(java -> env.put("OVS_QOS_JAVA", java));
    }

    /** The package's two class-data archives for our jar. */
    private record Archives(Path daemon, Path cli) {
    }

    private static Archives archives;

    /**
     * The daemon's class-data archive, built once per run by the package's own scriptlet code
     * ({@code train_archives} in {@code packaging/scripts/maint.sh}) for our jar, so the daemon
     * is measured as installed; a path that does not exist (no archive) with
     * {@code -Dbench.daemonCds=false}.
     */
    static Path daemonArchive() {
        if (!Boolean.parseBoolean(System.getProperty("bench.daemonCds", "true"))) {
            return Path.of("/nonexistent/ovs-qos-daemon.jsa");
        }
        return archives().daemon();
    }

    /** The class-data archive of the commands ({@code list}, ...) that the package builds beside the daemon's. */
    static Path cliArchive() {
        return archives().cli();
    }

    private static synchronized Archives archives() {
        if (archives != null) {
            return archives;
        }
        try {
            Path dir = Files.createTempDirectory("ovs-qos-bench-cds");
            Path daemon = dir.resolve("ovs-qos-daemon.jsa");
            Path cli = dir.resolve("ovs-qos-cli.jsa");
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", ". \"$0\" && train_archives \"$@\"",
                    repo().resolve("packaging/scripts/maint.sh").toString(), launcher().toString(), jar().toString(),
                    daemon.toString(), cli.toString()).inheritIO();
            Optional.ofNullable(System.getProperty("bench.java")).ifPresent(j -> builder.environment().put("OVS_QOS_JAVA", j));
            if (builder.start().waitFor() != 0 || !Files.isReadable(daemon) || !Files.isReadable(cli)) {
                throw new IllegalStateException("the class-data archives were not built (maint.sh train_archives)");
            }
            dir.toFile().deleteOnExit(); // deleted in the reverse order: the files, then the directory
            daemon.toFile().deleteOnExit();
            cli.toFile().deleteOnExit();
            return archives = new Archives(daemon, cli);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts the daemon on {@code db} with its files in {@code dir}.
     *
     * @param config the config file's text, or empty for the defaults (no file)
     * @param notify the systemd notification socket to announce READY on, if any
     */
    static BenchDaemon start(Path dir, String dbEndpoint, Optional<String> config, Optional<NotifySocket> notify)
            throws IOException {
        Files.createDirectories(dir);
        Path configFile = dir.resolve("config.json");
        Files.deleteIfExists(configFile);
        if (config.isPresent()) {
            Files.writeString(configFile, config.get());
        }
        List<String> command = new ArrayList<>(List.of("sh", launcher().toString(), "daemon",
                "--config", configFile.toString(),
                "--db", dbEndpoint,
                "--state", dir.resolve("state.json").toString(),
                "--admin-socket", adminSocket(dir).toString(),
                "--lock", dir.resolve("daemon.lock").toString(),
                "--log-file", dir.resolve("ovs-qos.log").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("stderr.log").toFile()));
        launcherEnvironment(builder.environment());
        Optional.ofNullable(System.getProperty("bench.daemonJavaOpts"))
                .ifPresent(o -> builder.environment().put("OVS_QOS_JAVA_OPTS", o));
        builder.environment().remove("NOTIFY_SOCKET");
        notify.ifPresent(n -> builder.environment().put("NOTIFY_SOCKET", n.path().toString()));
        long started = System.nanoTime();
        Process process = builder.start();
        return new BenchDaemon(process, dir, started);
    }

    static Path adminSocket(Path dir) {
        return dir.resolve("admin.sock");
    }

    Path adminSocket() {
        return adminSocket(dir);
    }

    /** The JVM's pid (the launcher exec'd it). */
    long pid() {
        return process.pid();
    }

    /** {@link System#nanoTime()} just before the process was started. */
    long startedNanos() {
        return startedNanos;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Whether the daemon has exited, waiting up to {@code timeout} for it. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The daemon's {@code --log-file}. */
    Path logFile() {
        return dir.resolve("ovs-qos.log");
    }

    /**
     * The end of the daemon's log, its stdout and stderr (where the JVM says why it stopped, e.g.
     * {@code -XX:+ExitOnOutOfMemoryError}'s "Terminating due to …"), and its exit code if it has exited.
     */
    String logTail() {
        return tail(logFile()) + "\n-- stdout:\n" + tail(dir.resolve("stdout.log")) + "\n-- stderr:\n"
                + tail(dir.resolve("stderr.log")) + (process.isAlive() ? "" : "\n-- exit code " + process.exitValue());
    }

    /** Once the daemon has exited: its exit code and the last line of its stdout, where the JVM says why. */
    String exitReason() {
        String last = tail(dir.resolve("stdout.log")).lines().reduce((a, b) -> b).orElse("");
        return "exit code " + process.exitValue() + (last.isBlank() ? "" : ": " + last);
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(none: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, as systemctl stop; SIGKILL if it has not left within 20 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
