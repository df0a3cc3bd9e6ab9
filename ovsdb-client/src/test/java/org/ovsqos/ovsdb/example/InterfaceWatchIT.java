package org.ovsqos.ovsdb.example;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.testing.OvsdbServerProcess;

/** The README's example, run against a real ovsdb-server. */
class InterfaceWatchIT {

    @Test
    void printsTheInterfacesAndPolicesOne() throws Exception {
        try (OvsdbServerProcess server = OvsdbServerProcess.start()) {
            server.vsctl("add-br", "br0", "--", "add-port", "br0", "kvm101.0");
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            UUID policed;
            try (PrintStream out = new PrintStream(printed, true, UTF_8)) {
                policed = InterfaceWatch.run(server.unixEndpoint(), out);
            }

            assertThat(server.vsctl("get", "Interface", policed.toString(), "ingress_policing_rate").strip())
                    .isEqualTo("10000");
            assertThat(printed.toString(UTF_8)).contains("Inserted[table=Interface", "kvm101.0", "br0");
        }
    }
}
