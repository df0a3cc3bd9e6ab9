package org.ovsqos.ovsdb.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import org.ovsqos.ovsdb.client.Endpoint;

/**
 * Asks a server for an {@code echo} with plain JDK sockets, independent of the client under test:
 * the fixture's definition of "the server answers".
 */
final class EchoProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String REQUEST = "{\"method\":\"echo\",\"params\":[\"ready?\"],\"id\":\"fixture\"}";

    private EchoProbe() {
    }

    static boolean answers(Endpoint endpoint) throws IOException {
        SocketAddress address;
        SocketChannel channel;
        if (endpoint instanceof Endpoint.Unix unix) {
            address = UnixDomainSocketAddress.of(unix.path());
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } else {
            Endpoint.Tcp tcp = (Endpoint.Tcp) endpoint;
            address = new InetSocketAddress(tcp.host(), tcp.port());
            channel = SocketChannel.open();
        }
        try (channel; Selector selector = Selector.open()) {
            channel.connect(address);
            channel.write(ByteBuffer.wrap(REQUEST.getBytes(UTF_8)));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                selector.select(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                selector.selectedKeys().clear();
                if (channel.read(buffer) < 0) {
                    return false;
                }
                String received = new String(buffer.array(), 0, buffer.position(), UTF_8);
                if (received.contains("\"fixture\"") && received.contains("ready?")) {
                    return true;
                }
            }
            return false;
        }
    }
}
