package org.ovsqos.ovsdb.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ovsqos.ovsdb.client.Endpoint;
import org.ovsqos.ovsdb.client.SslFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real {@code ovsdb-server} with the Open_vSwitch schema, private to one test: its database,
 * sockets, pid file and log live in a temp directory, and nothing under /var or /etc is touched.
 * It listens on a unix socket and on a TCP port of 127.0.0.1, and with {@link #startWithSsl()}
 * on a TLS port too, with a private PKI made by {@code ovs-pki}; all stay the same across
 * {@link #restart()}, as a real server's do.
 *
 * <pre>
 * try (OvsdbServerProcess server = OvsdbServerProcess.start()) {
 *     server.vsctl("add-br", "br0");
 *     ... connect to server.unixEndpoint() or server.tcpEndpoint() ...
 * }
 * </pre>
 *
 * Fails with a message naming the missing binary when Open vSwitch is not installed (the test
 * script installs it); it never skips.
 */
public final class OvsdbServerProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OvsdbServerProcess.class);
    public static final Path VSWITCH_SCHEMA = Path.of("/usr/share/openvswitch/vswitch.ovsschema");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    /** sun_path is 108 bytes on Linux, including the terminating NUL. */
    private static final int MAX_SOCKET_PATH = 107;
    /** What ovsdb-server logs when it binds a port the kernel chose (inet_open_passive). */
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    private final Path dir;
    private final Path ovsdbServer;
    private final Path ovsVsctl;
    private final boolean ssl;
    private int tcpPort;
    private int sslPort;
    private boolean closed;
    private boolean frozen;

    private OvsdbServerProcess(Path dir, Path ovsdbServer, Path ovsVsctl, boolean ssl) {
        this.dir = dir;
        this.ovsdbServer = ovsdbServer;
        this.ovsVsctl = ovsVsctl;
        this.ssl = ssl;
    }

    /**
     * Creates a database from {@link #VSWITCH_SCHEMA}, starts the server, waits until both
     * sockets answer, and runs {@code ovs-vsctl init}.
     */
    public static OvsdbServerProcess start() {
        return start(false);
    }

    /**
     * {@link #start()}, plus a TLS listener: {@code ovs-pki} makes a CA and signs a server and a
     * client certificate; {@link #sslEndpoint()} and {@link #clientSslFiles()} reach it.
     */
    public static OvsdbServerProcess startWithSsl() {
        return start(true);
    }

    /**
     * A server of a database made from {@code schemaJson} instead of the Open_vSwitch schema, for
     * what that schema has no column for (reals, immutable tables, a schema to convert to); no
     * {@code ovs-vsctl init}, so {@link #vsctl} does not apply.
     */
    public static OvsdbServerProcess startWithSchema(String schemaJson) {
        return start(false, schemaJson);
    }

    private static OvsdbServerProcess start(boolean ssl) {
        return start(ssl, null);
    }

    private static OvsdbServerProcess start(boolean ssl, String schemaJson) {
        Path ovsdbTool = OvsBinaries.find("ovsdb-tool");
        Path server = OvsBinaries.find("ovsdb-server");
        Path vsctl = OvsBinaries.find("ovs-vsctl");
        if (!Files.isReadable(VSWITCH_SCHEMA)) {
            throw new IllegalStateException("Open vSwitch schema " + VSWITCH_SCHEMA
                    + " is missing: install openvswitch-switch (scripts/lib/ensure-ovs.sh does)");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("ovsdb-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OvsdbServerProcess process = new OvsdbServerProcess(dir, server, vsctl, ssl);
        try {
            if (process.socketPath().toString().length() > MAX_SOCKET_PATH) {
                throw new IllegalStateException("temp dir " + dir + " is too deep for a unix socket path; "
                        + "set java.io.tmpdir to a shorter directory");
            }
            Path schema = VSWITCH_SCHEMA;
            if (schemaJson != null) {
                schema = Files.writeString(dir.resolve("schema.ovsschema"), schemaJson, UTF_8);
            }
            process.run(List.of(ovsdbTool.toString(), "create", process.databaseFile().toString(), schema.toString()));
            if (ssl) {
                process.makePki();
            }
            process.launch();
            if (schemaJson == null) {
                process.vsctl("init");
            }
            return process;
        } catch (IOException e) {
            process.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    public Path directory() {
        return dir;
    }

    public Path databaseFile() {
        return dir.resolve("conf.db");
    }

    public Path socketPath() {
        return dir.resolve("db.sock");
    }

    public Path logFile() {
        return dir.resolve("ovsdb-server.log");
    }

    public int tcpPort() {
        return tcpPort;
    }

    /** The TLS port, or 0 without {@link #startWithSsl()}. */
    public int sslPort() {
        return sslPort;
    }

    public Endpoint unixEndpoint() {
        return new Endpoint.Unix(socketPath());
    }

    public Endpoint tcpEndpoint() {
        return new Endpoint.Tcp("127.0.0.1", tcpPort);
    }

    /** The TLS listener; only after {@link #startWithSsl()}. */
    public Endpoint sslEndpoint() {
        requireSsl();
        return new Endpoint.Ssl("127.0.0.1", sslPort);
    }

    /** A client key and certificate signed by the server's CA, and that CA's certificate. */
    public SslFiles clientSslFiles() {
        requireSsl();
        return new SslFiles(pki("client-privkey.pem"), pki("client-cert.pem"), caCertificate());
    }

    private void requireSsl() {
        if (!ssl) {
            throw new IllegalStateException("this server has no TLS listener: start it with startWithSsl()");
        }
    }

    private Path pki(String file) {
        return dir.resolve("pki").resolve(file);
    }

    /** ovs-pki signs switch certificates with the switch CA; both peers here are "switches". */
    private Path caCertificate() {
        return pki("switchca").resolve("cacert.pem");
    }

    private void makePki() {
        String ovsPki = OvsBinaries.find("ovs-pki").toString();
        List<String> common = List.of(ovsPki, "--dir=" + dir.resolve("pki"), "--log=" + dir.resolve("ovs-pki.log"),
                "--batch");
        run(concat(common, "init"));
        // Names relative to the working directory (dir): ovs-pki puts the name into the
        // certificate's common name, which may not exceed 64 characters.
        run(concat(common, "req+sign", "pki/server", "switch"));
        run(concat(common, "req+sign", "pki/client", "switch"));
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    /**
     * Runs {@code ovs-vsctl --db=unix:SOCKET --no-wait ARGS} (no ovs-vswitchd runs, so it must not
     * wait for one) and returns its standard output.
     *
     * @throws IllegalStateException with ovs-vsctl's standard error if it fails
     */
    public String vsctl(String... args) {
        List<String> command = new ArrayList<>(List.of(ovsVsctl.toString(), "--db=unix:" + socketPath(),
                "--no-wait", "--timeout=" + COMMAND_TIMEOUT.toSeconds()));
        command.addAll(List.of(args));
        return run(command);
    }

    /** Whether the server process is alive. */
    public boolean isRunning() {
        return pid().stream().anyMatch(OvsdbServerProcess::alive);
    }

    /**
     * Stops the server with SIGSTOP, as a hung server: its sockets stay open and the kernel still
     * accepts connections on them, but nothing answers. {@link #thaw()}, {@link #kill()} and
     * {@link #close()} all resume it, so no test leaves a stopped process behind.
     */
    public void freeze() {
        long p = pid().orElseThrow(() -> new IllegalStateException("ovsdb-server is not running"));
        frozen = true;
        signal("STOP", p);
        await("ovsdb-server pid " + p + " to stop").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(10))
                .until(() -> state(p) == 'T');
        log.info("ovsdb-server pid={} frozen", p);
    }

    /** Resumes a server stopped by {@link #freeze()} with SIGCONT. */
    public void thaw() {
        OptionalLong pid = pid();
        if (frozen && pid.isPresent() && alive(pid.getAsLong())) {
            signal("CONT", pid.getAsLong());
            log.info("ovsdb-server pid={} thawed", pid.getAsLong());
        }
        frozen = false;
    }

    private void signal(String name, long pid) {
        run(List.of("kill", "-" + name, Long.toString(pid)));
    }

    /** Kills the server with SIGKILL, as a crash would, and waits until it is gone. */
    public void kill() {
        thaw();
        OptionalLong pid = pid();
        if (pid.isEmpty() || !alive(pid.getAsLong())) {
            return;
        }
        long p = pid.getAsLong();
        ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly);
        await("ovsdb-server pid " + p + " to die").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(10))
                .until(() -> !alive(p));
        log.info("ovsdb-server pid={} killed dir={}", p, dir);
    }

    /**
     * Kills the server if it runs, then starts it again on the same database file, unix socket
     * and TCP port, and waits until it answers.
     */
    public void restart() {
        kill();
        launch();
    }

    /** Kills the server and deletes its directory. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            kill();
        } finally {
            deleteRecursively(dir);
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(ovsdbServer.toString(), databaseFile().toString(),
                "--remote=punix:" + socketPath(),
                "--remote=ptcp:" + tcpPort + ":127.0.0.1",
                "--pidfile=" + dir.resolve("ovsdb-server.pid"),
                "--unixctl=" + control(),
                "--log-file=" + logFile(),
                "--detach", "--no-chdir"));
        if (ssl) {
            command.addAll(List.of("--private-key=" + pki("server-privkey.pem"),
                    "--certificate=" + pki("server-cert.pem"), "--ca-cert=" + caCertificate()));
            if (sslPort != 0) {
                command.add("--remote=pssl:" + sslPort + ":127.0.0.1");
            }
        }
        run(command);
        if (tcpPort == 0) {
            // Port 0 lets the kernel choose a free port, with no race against other tests; the
            // server names it in its log, and restarts then ask for that port explicitly.
            tcpPort = awaitNewListeningPort(0);
        }
        if (ssl && sslPort == 0) {
            // Added after start, so that its "listening on port" line is told from the tcp one.
            int before = listeningPorts().size();
            run(List.of(OvsBinaries.find("ovs-appctl").toString(), "-t", control().toString(),
                    "ovsdb-server/add-remote", "pssl:0:127.0.0.1"));
            sslPort = awaitNewListeningPort(before);
        }
        await("ovsdb-server to answer on " + socketPath() + " and 127.0.0.1:" + tcpPort)
                .atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                .until(() -> EchoProbe.answers(unixEndpoint()) && EchoProbe.answers(tcpEndpoint()));
        log.info("ovsdb-server pid={} ready unix={} tcp_port={} ssl_port={}", pid().orElse(-1), socketPath(),
                tcpPort, sslPort);
    }

    private Path control() {
        return dir.resolve("ovsdb-server.ctl");
    }

    /** Waits for the log to name more listening ports than {@code known}; returns the newest. */
    private int awaitNewListeningPort(int known) {
        await("ovsdb-server to log a listening port").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(10))
                .until(() -> listeningPorts().size() > known);
        List<Integer> ports = listeningPorts();
        return ports.get(ports.size() - 1);
    }

    private List<Integer> listeningPorts() {
        List<Integer> ports = new ArrayList<>();
        if (!Files.exists(logFile())) {
            return ports;
        }
        try {
            Matcher m = LISTENING.matcher(Files.readString(logFile(), UTF_8));
            while (m.find()) {
                ports.add(Integer.parseInt(m.group(1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ports;
    }

    private OptionalLong pid() {
        Path pidFile = dir.resolve("ovsdb-server.pid");
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(pidFile, UTF_8).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Alive and not a zombie. The detached server is not our child, and where PID 1 does not
     * reap orphans (containers), a killed server stays a zombie that {@link ProcessHandle} still
     * reports as alive, though its sockets are already closed.
     */
    private static boolean alive(long pid) {
        char state = state(pid);
        return state != 0 && state != 'Z' && state != 'X';
    }

    /** The process's state letter from /proc (R, S, T when stopped, Z ...), or 0 if it is gone. */
    private static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), UTF_8);
            // The state follows the parenthesised command name, which may itself hold spaces.
            return stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private String run(List<String> command) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile(dir, "cmd", ".out");
            err = Files.createTempFile(dir, "cmd", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    // Files, not pipes: a daemon that inherits a pipe would keep it open for ever.
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("OVS_RUNDIR", dir.toString());
            builder.environment().put("OVS_LOGDIR", dir.toString());
            builder.environment().put("OVS_DBDIR", dir.toString());
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                        + COMMAND_TIMEOUT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "): " + (Files.readString(err, UTF_8) + Files.readString(out, UTF_8)).strip());
            }
            return Files.readString(out, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.debug("cannot delete {}", file, e);
            }
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(OvsdbServerProcess::deleteQuietly);
        } catch (IOException e) {
            log.debug("cannot delete {}", root, e);
        }
    }

    @Override
    public String toString() {
        return "OvsdbServerProcess[" + dir + ", tcp port " + tcpPort + (isRunning() ? "" : ", stopped") + "]";
    }
}
