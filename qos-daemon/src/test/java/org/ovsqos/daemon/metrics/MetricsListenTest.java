package org.ovsqos.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class MetricsListenTest {
    @Test
    void parsesHostPortIpv6AndAllAddresses() {
        InetSocketAddress host = MetricsListen.parse("127.0.0.1:9464");
        InetSocketAddress v6 = MetricsListen.parse("[::1]:9464");
        InetSocketAddress any = MetricsListen.parse(":9464");

        assertThat(host.getHostString()).isEqualTo("127.0.0.1");
        assertThat(host.getPort()).isEqualTo(9464);
        assertThat(v6.getHostString()).isEqualTo("::1");
        assertThat(any.getAddress().isAnyLocalAddress()).isTrue();
        assertThat(any.getPort()).isEqualTo(9464);
    }

    @Test
    void rejectsWhatIsNotHostPortNamingTheValue() {
        for (String bad : new String[] {"9464", "localhost", "host:http", "host:70000", "::1:9464", ""}) {
            assertThatThrownBy(() -> MetricsListen.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }
}
