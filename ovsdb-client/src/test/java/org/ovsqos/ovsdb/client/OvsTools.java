package org.ovsqos.ovsdb.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ovsqos.ovsdb.testing.OvsBinaries;
import org.ovsqos.ovsdb.testing.OvsdbServerProcess;

/** The Open vSwitch tools the replica tests need beyond ovs-vsctl. */
final class OvsTools {

    private static final Pattern MONITORS = Pattern.compile("monitors:(\\d+)");

    private OvsTools() {
    }

    /**
     * Runs one transaction straight on the database file with {@code ovsdb-tool transact}: the way
     * to change the database while its server is down.
     */
    static String transactOffline(OvsdbServerProcess server, JsonNode transactParams) {
        if (server.isRunning()) {
            throw new IllegalStateException("ovsdb-tool must not write the database of a running server");
        }
        return run(OvsBinaries.find("ovsdb-tool").toString(), "transact", server.databaseFile().toString(),
                transactParams.toString());
    }

    /** How many monitors the server has, by {@code ovs-appctl memory/show}. */
    static int monitors(OvsdbServerProcess server) {
        String memory = run(OvsBinaries.find("ovs-appctl").toString(), "-t",
                server.directory().resolve("ovsdb-server.ctl").toString(), "memory/show");
        Matcher m = MONITORS.matcher(memory);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            String output = new String(process.getInputStream().readAllBytes(), UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
