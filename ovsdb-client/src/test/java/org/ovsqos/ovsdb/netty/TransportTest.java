package org.ovsqos.ovsdb.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which transport carries connections (the connection suites run over both: see the pom). */
class TransportTest {

    @Test
    void epollWhereNettysNativeTransportLoadsAsOnThisLinuxTestClassPath() {
        assertThat(Epoll.isAvailable()).as("netty-transport-native-epoll is a test dependency").isTrue();

        Transport transport = Transport.choose("auto");

        assertThat(transport.name()).isEqualTo("epoll");
        assertThat(transport.newUnixChannel()).isInstanceOf(EpollDomainSocketChannel.class);
        assertThat(transport.unixAddress(Path.of("/run/db.sock"))).isEqualTo(new DomainSocketAddress("/run/db.sock"));
    }

    @Test
    void nioWhenThePropertySaysSo() {
        Transport transport = Transport.choose("NIO");

        assertThat(transport.name()).isEqualTo("nio");
        assertThat(transport.newUnixChannel()).isInstanceOf(NioDomainSocketChannel.class);
        assertThat(transport.unixAddress(Path.of("/run/db.sock"))).isEqualTo(UnixDomainSocketAddress.of("/run/db.sock"));
    }
}
