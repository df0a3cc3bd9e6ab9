package org.ovsqos.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ovsqos.ovsdb.client.Endpoint;

/**
 * {@code ovs-qos daemon} from the packaged jar, as a process on this host, with every path of its
 * own in one directory; and the client commands that talk to it over its admin socket. The
 * daemon reaches OVSDB like any host process would, over the container's bind-mounted socket.
 */
final class DaemonProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    /** Small and quick to start: the suite runs beside a saturated guest on two cores. */
    private static final List<String> JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m");

    private final Path dir;
    private final Process process;

    private DaemonProcess(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /** Starts the daemon with {@code configJson} as its config file; it connects on its own. */
    static DaemonProcess start(Path dir, Endpoint db, String configJson) {
        try {
            Files.createDirectories(dir);
            Path config = Files.writeString(dir.resolve("config.json"), configJson);
            List<String> command = java("daemon", "--config", config.toString(), "--db", db.toString(),
                    "--state", dir.resolve("state.json").toString(),
                    "--admin-socket", adminSocket(dir).toString(),
                    "--lock", dir.resolve("daemon.lock").toString(),
                    "--log-file", dir.resolve("ovs-qos.log").toString());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("daemon.out").toFile())
                    .start();
            return new DaemonProcess(dir, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the daemon in " + dir, e);
        }
    }

    /** {@code ovs-qos list --json}, by interface name; fails while no daemon answers. */
    Map<String, ManagedInterface> list() {
        Map<String, ManagedInterface> byName = new LinkedHashMap<>();
        for (JsonNode element : cliJson("list", "--json")) {
            ManagedInterface managed = ManagedInterface.fromJson(element);
            byName.put(managed.name(), managed);
        }
        return byName;
    }

    ManagedInterface list(Guest guest) {
        ManagedInterface managed = list().get(guest.iface());
        if (managed == null) {
            throw new AssertionError("ovs-qos list does not show " + guest.iface());
        }
        return managed;
    }

    /** The OVSDB connection's state as {@code ovs-qos status --json} reports it: connected, … */
    String ovsdbState() {
        return cliJson("status", "--json").path("ovsdb").path("state").asText();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The end of the daemon's log and of whatever it printed, for failure reports. */
    String logTail() {
        return tail(dir.resolve("ovs-qos.log"), 60) + "\n--- daemon stdout/stderr ---\n" + tail(dir.resolve("daemon.out"), 30);
    }

    /** SIGTERM, as systemd stops it; SIGKILL if it does not exit in time. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode cliJson(String... args) {
        List<String> command = new ArrayList<>(java(args));
        command.add("--admin-socket");
        command.add(adminSocket(dir).toString());
        String out = run(command, "ovs-qos " + String.join(" ", args));
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new AssertionError("ovs-qos " + String.join(" ", args) + " printed no JSON: " + out, e);
        }
    }

    private static String run(List<String> command, String what) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(what + ": no answer within " + CLI_TIMEOUT);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError(what + ": exit " + p.exitValue() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM);
        command.add("-jar");
        command.add(ProjectFiles.daemonJar().toString());
        command.addAll(List.of(args));
        return command;
    }

    private static Path adminSocket(Path dir) {
        return dir.resolve("admin.sock");
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }
}
