package org.ovsqos.daemon.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Raw clients for the admin socket, to send what the real client never would. */
final class SocketClients {
    private SocketClients() {}

    static SocketChannel connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return channel;
    }

    static String exchange(Path socket, String request) throws IOException {
        return exchange(socket, request.getBytes(StandardCharsets.UTF_8));
    }

    static String exchange(Path socket, byte[] request) throws IOException {
        try (SocketChannel channel = connect(socket)) {
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
                channel.write(out);
            }
            return readToEnd(channel);
        }
    }

    /**
     * Reads until the server closes. A server that closes with our unread request bytes still
     * queued makes the kernel report ECONNRESET after its reply: what came before counts.
     */
    static String readToEnd(SocketChannel channel) throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        ByteBuffer chunk = ByteBuffer.allocate(8192);
        try {
            int n;
            while ((n = channel.read(chunk.clear())) >= 0) {
                in.write(chunk.array(), 0, n);
            }
        } catch (IOException reset) {
            if (in.size() == 0) {
                throw reset;
            }
        }
        return in.toString(StandardCharsets.UTF_8);
    }
}
