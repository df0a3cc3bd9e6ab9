package org.ovsqos.ovsdb.client;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.ovsqos.ovsdb.testing.OvsdbServerProcess;

/**
 * What the client's integration tests share: one real ovsdb-server per test class, and the
 * clients a test connects, closed after it.
 */
abstract class AgainstOvsdbServer {
    static OvsdbServerProcess server;
    final ClientFixture clients = new ClientFixture();

    @BeforeAll
    static void startServer() {
        server = OvsdbServerProcess.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }
}
