package org.ovsqos.daemon.it;

import org.ovsqos.ovsdb.testing.OvsdbServerProcess;

/**
 * What a test class shares: one real {@code ovsdb-server} (the host's OVSDB, without
 * ovs-vswitchd) and the traffic player writing its statistics. Tests do not interfere through it:
 * each has its own {@link Bridge}, removed when it ends, and its own daemon.
 */
final class OvsHost implements AutoCloseable {
    private final OvsdbServerProcess server;
    private final TrafficPlayer traffic;

    private OvsHost(OvsdbServerProcess server, TrafficPlayer traffic) {
        this.server = server;
        this.traffic = traffic;
    }

    static OvsHost start() {
        OvsdbServerProcess server = OvsdbServerProcess.start();
        try {
            return new OvsHost(server, TrafficPlayer.start(server.unixEndpoint()));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    OvsdbServerProcess server() {
        return server;
    }

    TrafficPlayer traffic() {
        return traffic;
    }

    /** The daemon's {@code --db}: the server's unix socket, as on a real host. */
    String db() {
        return server.unixEndpoint().toString();
    }

    Bridge bridge(String name) {
        return Bridge.create(server, name);
    }

    @Override
    public void close() {
        try {
            traffic.close();
        } finally {
            server.close();
        }
    }
}
