package org.ovsqos.daemon.it;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the daemon's integration tests share: one real ovsdb-server per test class, and per test
 * a temp dir for the daemon's files, a bridge of its own and the daemon, all cleaned up after it.
 */
abstract class DaemonOnOvsHost {
    static OvsHost host;

    @TempDir
    Path dir;

    Bridge bridge;
    DaemonProcess daemon;

    @BeforeAll
    static void startOvsdb() {
        host = OvsHost.start();
    }

    @AfterAll
    static void stopOvsdb() {
        host.close();
    }

    @AfterEach
    void cleanUp() {
        if (daemon != null) {
            daemon.close();
        }
        if (bridge != null) {
            bridge.close();
        }
    }

    /** A daemon on this test's directory with {@code config}, not started yet. */
    DaemonProcess.Launch daemon(QosConfigFile config) {
        config.writeTo(dir.resolve("config.json"));
        return DaemonProcess.in(dir, host.db());
    }

    /** Saturates {@code iface} until it is in stage 1, then lets it idle; returns its {@code penalty_until}. */
    long penalise(String iface) {
        return Tiers.penalise(host, bridge, daemon, iface);
    }
}
