package org.ovsqos.daemon.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ovs-qos daemon} run from the real jar as a child process, with every path of the
 * command-line contract in one directory ({@link Layout}), so a second daemon started on the same
 * directory finds the first one's state file, lock and socket, as a restart would. The client
 * verbs run as separate {@code java -jar} processes ({@link #cli}); waiting loops use
 * {@link AdminSocket} instead, to spare the machine a JVM a poll.
 */
final class DaemonProcess implements AutoCloseable {
    static final Duration STARTUP = Duration.ofSeconds(60);
    static final Duration EXIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern METRICS_LISTENING =
            Pattern.compile("metrics endpoint listening address=\\S*:(\\d+)/metrics");

    /** Where one daemon keeps everything; shared by a daemon and its restart. */
    record Layout(Path dir) {
        Path config() {
            return dir.resolve("config.json");
        }

        Path state() {
            return dir.resolve("state.json");
        }

        Path adminSocket() {
            return dir.resolve("admin.sock");
        }

        Path lock() {
            return dir.resolve("daemon.lock");
        }

        Path log() {
            return dir.resolve("ovs-qos.log");
        }

        Path stdout() {
            return dir.resolve("daemon.out");
        }

        Path stderr() {
            return dir.resolve("daemon.err");
        }
    }

    private final Layout files;
    private final Process process;
    /** The log file is shared with earlier daemons of the directory; this one's lines start here. */
    private final int firstLogLine;

    private DaemonProcess(Layout files, Process process, int firstLogLine) {
        this.files = files;
        this.process = process;
        this.firstLogLine = firstLogLine;
    }

    /** Options of one start; the defaults are a plain {@code ovs-qos daemon} with every path in the directory. */
    static final class Launch {
        private final Layout files;
        private final String db;
        private final List<String> extraArgs = new ArrayList<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private final Map<String, String> env = new HashMap<>();

        private Launch(Layout files, String db) {
            this.files = files;
            this.db = db;
        }

        Launch dryRun() {
            extraArgs.add("--dry-run");
            return this;
        }

        /** JVM flags after the tests' defaults, e.g. the heap {@code packaging/ovs-qos} gives a daemon. */
        Launch jvmOptions(List<String> options) {
            jvmOptions.addAll(options);
            return this;
        }

        Launch notifySocket(Path socket) {
            env.put("NOTIFY_SOCKET", socket.toString());
            return this;
        }

        /** systemd's {@code WatchdogSec=}, as it passes it. */
        Launch watchdog(Duration timeout) {
            env.put("WATCHDOG_USEC", Long.toString(timeout.toNanos() / 1000));
            return this;
        }

        List<String> args() {
            List<String> args = new ArrayList<>(List.of("daemon",
                    "--config", files.config().toString(),
                    "--db", db,
                    "--state", files.state().toString(),
                    "--admin-socket", files.adminSocket().toString(),
                    "--lock", files.lock().toString(),
                    "--log-file", files.log().toString()));
            args.addAll(extraArgs);
            return args;
        }

        /** Starts the process; it is not yet known to be ready. */
        DaemonProcess start() {
            try {
                ProcessBuilder builder = new ProcessBuilder(OvsQosJar.command(OvsQosJar.JAR, List.of(), jvmOptions, args()))
                        .directory(files.dir().toFile())
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(files.stdout().toFile()))
                        .redirectError(ProcessBuilder.Redirect.appendTo(files.stderr().toFile()));
                builder.environment().remove("NOTIFY_SOCKET");
                builder.environment().remove("WATCHDOG_USEC");
                builder.environment().remove("WATCHDOG_PID");
                builder.environment().putAll(env);
                int firstLogLine = readLines(files.log()).size();
                return new DaemonProcess(files, builder.start(), firstLogLine);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Starts it and waits until it has synchronised with OVSDB and said READY. */
        DaemonProcess startReady() {
            DaemonProcess daemon = start();
            try {
                daemon.awaitLog("daemon state=ready");
            } catch (RuntimeException | Error e) {
                daemon.close(); // the test never gets it to clean up
                throw e;
            }
            return daemon;
        }
    }

    static Launch in(Path dir, String db) {
        return new Launch(new Layout(dir), db);
    }

    Layout files() {
        return files;
    }

    Path adminSocket() {
        return files.adminSocket();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    // ----------------------------------------------------------------------------- the log

    /** This daemon's lines of the log file. */
    List<String> logLines() {
        List<String> all = readLines(files.log());
        return all.subList(Math.min(firstLogLine, all.size()), all.size());
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of the log file matching {@code regex} (found anywhere in the line). */
    List<String> logLines(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return logLines().stream().filter(l -> pattern.matcher(l).find()).toList();
    }

    /** Waits for a log line matching {@code regex} and returns the first one. */
    String awaitLog(String regex) {
        return awaitLog(regex, STARTUP);
    }

    String awaitLog(String regex, Duration atMost) {
        AtomicReference<String> line = new AtomicReference<>();
        await("a log line matching /" + regex + "/ in " + files.log()).atMost(atMost)
                .pollInterval(Duration.ofMillis(100))
                .failFast("the daemon exited: " + stderrTail(), () -> !process.isAlive()
                        && logLines(regex).isEmpty())
                .until(() -> {
                    List<String> found = logLines(regex);
                    found.stream().findFirst().ifPresent(line::set);
                    return !found.isEmpty();
                });
        return line.get();
    }

    String stderr() {
        try {
            return Files.readString(files.stderr(), UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String stderrTail() {
        List<String> lines = stderr().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /** The port of the metrics endpoint, from the line the daemon logs once it is bound ({@code metrics_listen}). */
    int metricsPort() {
        Matcher m = METRICS_LISTENING.matcher(awaitLog(METRICS_LISTENING.pattern()));
        if (!m.find()) {
            throw new AssertionError("no port in the metrics endpoint's log line");
        }
        return Integer.parseInt(m.group(1));
    }

    // ----------------------------------------------------------------------------- commands

    /** {@code ovs-qos ARGS --admin-socket SOCKET}, a separate JVM, as an operator types it. */
    OvsQosJar.Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--admin-socket", files.adminSocket().toString()));
        return OvsQosJar.run(files.dir(), List.of(), Map.of(), all);
    }

    /** {@code ovs-qos list --json}, parsed; fails the test unless it exits 0. */
    JsonNode listJson() {
        return jsonOf(cli("list", "--json"));
    }

    /** {@code ovs-qos status --json}, parsed; fails the test unless it exits 0. */
    JsonNode statusJson() {
        return jsonOf(cli("status", "--json"));
    }

    private static JsonNode jsonOf(OvsQosJar.Result result) {
        if (result.exitCode() != 0) {
            throw new AssertionError("expected exit 0: " + result);
        }
        try {
            return JSON.readTree(result.stdout());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + result, e);
        }
    }

    /** The interface's row of {@code list}, read from the admin socket (for waiting). */
    Optional<JsonNode> view(String iface) {
        for (JsonNode row : AdminSocket.result(files.adminSocket(), "list")) {
            if (row.path("interface").asText().equals(iface)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** {@code status}, read from the admin socket (for waiting). */
    JsonNode status() {
        return AdminSocket.result(files.adminSocket(), "status");
    }

    /** Waits until the interface is listed at this stage, and returns its row. */
    JsonNode awaitStage(String iface, int stage, Duration atMost) {
        AtomicReference<JsonNode> row = new AtomicReference<>();
        await(iface + " at stage " + stage).atMost(atMost).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> {
                    Optional<JsonNode> v = view(iface);
                    v.ifPresent(row::set);
                    return v.isPresent() && v.get().path("stage").asInt() == stage;
                });
        return row.get();
    }

    // ----------------------------------------------------------------------------- ending it

    /** SIGKILL: no shutdown hook, no last save, as a crash or the OOM killer. */
    void kill9() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM, then waits for the exit code. */
    int terminate() {
        process.destroy();
        return awaitExit();
    }

    int awaitExit() {
        try {
            if (!process.waitFor(EXIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("daemon pid " + process.pid() + " did not exit within " + EXIT.toSeconds()
                        + " s; stderr:\n" + stderrTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(EXIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
