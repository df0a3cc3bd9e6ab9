package org.ovsqos.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ovsqos.ovsdb.testing.OvsdbServerProcess;

/**
 * One test's bridge in a shared {@code ovsdb-server}: its guests' ports, and their policing
 * columns read back with {@code ovs-vsctl}. No ovs-vswitchd runs, so a port is only its rows;
 * {@link #close()} deletes the bridge, so the next test's daemon starts on an empty host.
 */
final class Bridge implements AutoCloseable {
    /** Generous: a loaded 2-core machine runs JVMs, ovsdb-server and ovs-vsctl at once. */
    static final Duration PROMPTLY = Duration.ofSeconds(20);
    static final Duration POLL = Duration.ofMillis(100);

    private final OvsdbServerProcess server;
    private final String name;

    private Bridge(OvsdbServerProcess server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Its own Interface row is named {@code name} too; pick a name no daemon manages. */
    static Bridge create(OvsdbServerProcess server, String name) {
        server.vsctl("--may-exist", "add-br", name);
        return new Bridge(server, name);
    }

    String name() {
        return name;
    }

    void addPort(String iface) {
        server.vsctl("add-port", name, iface);
    }

    /** A port whose Interface row carries the guest's plan, as a provisioning panel sets it. */
    void addPort(String iface, String baseMbit) {
        server.vsctl("add-port", name, iface, "--", "set", "interface", iface,
                "external_ids:ovs-qos-base-mbit=" + baseMbit);
    }

    void delPort(String iface) {
        server.vsctl("del-port", name, iface);
    }

    /** {@code ovs-vsctl set interface IFACE COLUMN=VALUE...}, as an operator (or a panel) would. */
    void set(String iface, String... columnValues) {
        List<String> args = new ArrayList<>(List.of("set", "interface", iface));
        args.addAll(List.of(columnValues));
        server.vsctl(args.toArray(String[]::new));
    }

    Policing policing(String iface) {
        List<String> values = server.vsctl("get", "interface", iface, "ingress_policing_rate",
                "ingress_policing_burst").lines().map(String::strip).toList();
        return new Policing(Long.parseLong(values.get(0)), Long.parseLong(values.get(1)));
    }

    /** Waits until the row holds exactly these columns (the daemon writes rate and burst together). */
    void awaitPolicing(String iface, Policing expected) {
        awaitPolicing(iface, expected, PROMPTLY);
    }

    void awaitPolicing(String iface, Policing expected, Duration atMost) {
        await(iface + " policed at " + expected).atMost(atMost).pollInterval(POLL)
                .untilAsserted(() -> assertThat(policing(iface)).isEqualTo(expected));
    }

    @Override
    public void close() {
        if (server.isRunning()) {
            server.vsctl("--if-exists", "del-br", name);
        }
    }
}
