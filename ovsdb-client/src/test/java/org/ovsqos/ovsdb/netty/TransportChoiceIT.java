package org.ovsqos.ovsdb.netty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Runs beside the connection suites in both of the pom's failsafe executions, and says which
 * transport carried them: epoll in the default one, NIO in {@code over-nio}.
 */
class TransportChoiceIT {

    @Test
    void theConnectionsOfThisRunRideTheTransportItAskedFor() {
        String asked = System.getProperty(Transport.PROPERTY, "auto");
        assertThat(Transport.chosen().name()).isEqualTo(asked.equals("nio") ? "nio" : "epoll");
    }
}
