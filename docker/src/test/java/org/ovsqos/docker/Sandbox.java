package org.ovsqos.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * One test's world: an OVS container with bridge {@value #BRIDGE}, its run directory on this host,
 * guests, floods and the daemon. Register it as a field ({@code @RegisterExtension}); it starts
 * the container before each test and removes everything after it, the daemon before the
 * containers. When a test fails, the end of the daemon's and the OVS daemons' logs is attached
 * to the failure.
 */
final class Sandbox implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {
    static final String BRIDGE = "br0";

    /** Closed first to last: floods and daemons before the containers they use. */
    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private final Deque<OvsContainer> containers = new ArrayDeque<>();
    private final Map<String, Supplier<String>> reports = new LinkedHashMap<>();
    private Path dir;
    private OvsContainer ovs;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("ovs-qos-it-");
        startOvs();
        report("OVS logs", () -> ovs.isRunning() ? ovs.logs() : "(container stopped)");
    }

    OvsContainer ovs() {
        return ovs;
    }

    /** The host directory mounted at /var/run/openvswitch: db.sock is there. */
    Path runDir() {
        return dir.resolve("run");
    }

    void addGuests(Guest... guests) {
        for (Guest guest : guests) {
            ovs.addGuest(BRIDGE, guest);
        }
    }

    /** The daemon on this host, with {@code configJson}, over the bind-mounted unix socket. */
    DaemonProcess startDaemon(String configJson) {
        DaemonProcess daemon = closeAfterTest(DaemonProcess.start(dir.resolve("daemon"), ovs.unixEndpoint(),
                configJson));
        report("ovs-qos daemon log", daemon::logTail);
        return daemon;
    }

    Flood flood(Guest from, Guest to) {
        return closeAfterTest(Flood.start(ovs, from, to));
    }

    /**
     * Replaces the OVS container by a new one on the same run directory: a fresh, empty database
     * at the same socket path, with bridge {@value #BRIDGE} and no guests yet.
     */
    OvsContainer replaceOvs() {
        ovs.close();
        return startOvs();
    }

    /** Something the test started, closed after it, before the OVS containers. */
    <T extends AutoCloseable> T closeAfterTest(T resource) {
        open.push(resource);
        return resource;
    }

    /** Text attached to the failure if the test fails, read at that moment. */
    void report(String title, Supplier<String> text) {
        reports.put(title, text);
    }

    private OvsContainer startOvs() {
        ovs = OvsContainer.start(runDir());
        containers.push(ovs);
        ovs.addNetdevBridge(BRIDGE);
        return ovs;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        reports.forEach((title, text) -> {
            try {
                failure.addSuppressed(new Report(title, text.get()));
            } catch (RuntimeException e) {
                failure.addSuppressed(new Report(title, "(unavailable: " + e + ")"));
            }
        });
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception first = null;
        open.addAll(containers);
        while (!open.isEmpty()) {
            try {
                open.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        deleteRecursively(dir);
        if (first != null) {
            throw first;
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Diagnostics attached to a failure: a message, no stack trace. */
    static final class Report extends Exception {
        private static final long serialVersionUID = 1L;

        Report(String title, String text) {
            super(title + ":\n" + text, null, false, false);
        }
    }
}
