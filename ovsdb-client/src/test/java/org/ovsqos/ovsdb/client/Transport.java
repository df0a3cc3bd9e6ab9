package org.ovsqos.ovsdb.client;

import java.util.function.Function;
import org.ovsqos.ovsdb.testing.OvsdbServerProcess;

/** The two ways the integration tests reach a real ovsdb-server. */
enum Transport {
    UNIX(OvsdbServerProcess::unixEndpoint),
    TCP(OvsdbServerProcess::tcpEndpoint);

    private final Function<OvsdbServerProcess, Endpoint> endpoint;

    Transport(Function<OvsdbServerProcess, Endpoint> endpoint) {
        this.endpoint = endpoint;
    }

    Endpoint of(OvsdbServerProcess server) {
        return endpoint.apply(server);
    }
}
