package org.ovsqos.daemon.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ovsqos.ovsdb.testing.OvsBinaries;
import org.ovsqos.ovsdb.testing.OvsdbServerProcess;

/**
 * Changes the database of a stopped {@code ovsdb-server} with {@code ovsdb-tool transact}, so a
 * test can make the host different from what a daemon last saw while its OVSDB was down: what
 * it finds after the restart is then known only from the resynchronised replica.
 */
final class OfflineDatabase {
    private OfflineDatabase() {}

    /** Runs one transaction (the JSON params of {@code transact}) on the server's database file. */
    static void transact(OvsdbServerProcess server, String params) {
        if (server.isRunning()) {
            throw new IllegalStateException("the server is running: its database file is not for ovsdb-tool");
        }
        List<String> command = List.of(OvsBinaries.find("ovsdb-tool").toString(), "transact",
                server.databaseFile().toString(), params);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("ovsdb-tool transact failed: " + output);
            }
            // ovsdb-tool reports an operation's error in its output, not in its exit code.
            if (output.contains("\"error\"")) {
                throw new IllegalStateException("ovsdb-tool transact " + params + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Adds a port with one interface of the same name to the bridge, as {@code ovs-vsctl add-port} would. */
    static void addPort(OvsdbServerProcess server, String bridge, String iface) {
        transact(server, """
                ["Open_vSwitch",
                 {"op": "insert", "table": "Interface", "row": {"name": "%2$s"}, "uuid-name": "iface"},
                 {"op": "insert", "table": "Port", "row": {"name": "%2$s", "interfaces": ["named-uuid", "iface"]},
                  "uuid-name": "port"},
                 {"op": "mutate", "table": "Bridge", "where": [["name", "==", "%1$s"]],
                  "mutations": [["ports", "insert", ["set", [["named-uuid", "port"]]]]]}]
                """.formatted(bridge, iface));
    }

    /** Sets an interface's policing rate behind everyone's back. */
    static void setPolicingRate(OvsdbServerProcess server, String iface, long rateKbps) {
        transact(server, """
                ["Open_vSwitch",
                 {"op": "update", "table": "Interface", "where": [["name", "==", "%s"]],
                  "row": {"ingress_policing_rate": %d}}]
                """.formatted(iface, rateKbps));
    }
}
