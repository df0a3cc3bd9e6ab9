package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {

    @Test
    void parsesUnixSocketPath() {
        assertThat(Endpoint.parse("unix:/run/openvswitch/db.sock"))
                .isEqualTo(new Endpoint.Unix(Path.of("/run/openvswitch/db.sock")));
    }

    @Test
    void defaultsToTheLocalOpenVswitchSocket() {
        assertThat(Endpoint.defaultEndpoint()).isEqualTo(new Endpoint.Unix(Path.of("/var/run/openvswitch/db.sock")));
    }

    @Test
    void parsesTcpAndSslHostAndPort() {
        assertThat(Endpoint.parse("tcp:127.0.0.1:6641")).isEqualTo(new Endpoint.Tcp("127.0.0.1", 6641));
        assertThat(Endpoint.parse("ssl:ovsdb.example.org:6640")).isEqualTo(new Endpoint.Ssl("ovsdb.example.org", 6640));
    }

    @Test
    void parsesBracketedIpv6() {
        assertThat(Endpoint.parse("tcp:[::1]:6640")).isEqualTo(new Endpoint.Tcp("::1", 6640));
        assertThat(Endpoint.parse("ssl:[fe80::1%eth0]:6653")).isEqualTo(new Endpoint.Ssl("fe80::1%eth0", 6653));
    }

    @Test
    void usesTheOvsdbPortWhenNoneIsGiven() {
        assertThat(Endpoint.parse("tcp:10.0.0.5")).isEqualTo(new Endpoint.Tcp("10.0.0.5", 6640));
        assertThat(Endpoint.parse("ssl:[::1]")).isEqualTo(new Endpoint.Ssl("::1", 6640));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unix:/var/run/openvswitch/db.sock", "tcp:127.0.0.1:6640", "tcp:[::1]:6640",
        "ssl:host-1.example:443"})
    void printsWhatItParses(String text) {
        assertThat(Endpoint.parse(text)).hasToString(text);
        assertThat(Endpoint.parse(Endpoint.parse(text).toString())).isEqualTo(Endpoint.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "db.sock", "http://localhost", "udp:1.2.3.4:5", "unix:", "tcp:", "tcp::6640",
        "tcp:host:", "tcp:host:port", "tcp:host:70000", "tcp:host:0", "tcp:::1:6640", "tcp:[::1", "tcp:[::1]x",
        "tcp:bad host:1", "ptcp:6640"})
    void rejectsAnythingElseNamingTheTextAndTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Endpoint.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining("unix:PATH, tcp:HOST:PORT or ssl:HOST:PORT");
    }

    @Test
    void explainsMissingBracketsAroundIpv6() {
        assertThatThrownBy(() -> Endpoint.parse("tcp:::1:6640")).hasMessageContaining("IPv6 address must be in brackets");
    }
}
