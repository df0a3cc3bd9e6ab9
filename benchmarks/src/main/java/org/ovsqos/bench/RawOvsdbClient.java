package org.ovsqos.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The yardstick of the transact benchmark: the least a client can do to send a transaction. A
 * blocking JDK unix-domain channel writes bytes made beforehand and reads until the reply's JSON
 * value is complete (brace depth, minding strings); no JSON library, no threads, no futures. It
 * answers the server's {@code echo} only in case one comes (ovsdb-server does not probe unix
 * sockets), so that the measurement never stalls on it.
 */
final class RawOvsdbClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocateDirect(1 << 20);
    private final ByteArrayOutputStream message = new ByteArrayOutputStream(1 << 16);
    private int depth;
    private boolean inString;
    private boolean escaped;

    RawOvsdbClient(Path socket) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        in.flip();
    }

    /** The bytes of one request: {@code {"id":<id>,"method":<method>,"params":} + params + {@code }}. */
    static ByteBuffer[] request(long id, String method, ByteBuffer params) {
        return new ByteBuffer[] {
            ByteBuffer.wrap(("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":").getBytes(UTF_8)),
            params.duplicate(), ByteBuffer.wrap(new byte[] {'}'})};
    }

    /**
     * Sends one request given as {@code {"id":<id>,"method":"transact","params":} + params +
     * {@code }} and returns the reply's bytes.
     */
    byte[] call(ByteBuffer... request) throws IOException {
        send(request);
        return receive();
    }

    /** Writes one request (all of it, from the start of each buffer) without waiting for its reply. */
    void send(ByteBuffer... request) throws IOException {
        for (ByteBuffer b : request) {
            b.rewind();
        }
        long left;
        do {
            channel.write(request);
            left = 0;
            for (ByteBuffer b : request) {
                left += b.remaining();
            }
        } while (left > 0);
    }

    /**
     * The next message from the server that is not its {@code echo} request (which is answered):
     * a reply, or a notification such as a monitor's {@code update}.
     */
    byte[] receive() throws IOException {
        while (true) {
            byte[] reply = nextMessage();
            if (!isEcho(reply)) {
                return reply;
            }
            // Never on the measured path: Jackson is good enough for this.
            JsonNode echo = JSON.readTree(reply);
            ObjectNode answer = JSON.createObjectNode();
            answer.set("id", echo.get("id"));
            answer.set("result", echo.get("params"));
            answer.putNull("error");
            channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(answer)));
        }
    }

    /** A request from the server, not the reply to our own echo (which has no method). */
    private static boolean isEcho(byte[] message) {
        String head = new String(message, 0, Math.min(message.length, 64), UTF_8);
        return head.contains("\"method\":\"echo\"");
    }

    /** Reads until one whole JSON value has arrived; bytes after it stay in the buffer. */
    private byte[] nextMessage() throws IOException {
        message.reset();
        depth = 0;
        while (true) {
            while (in.hasRemaining()) {
                byte b = in.get();
                if (depth == 0 && b != '{' && b != '[') {
                    continue; // whitespace between values
                }
                message.write(b);
                if (scan(b)) {
                    return message.toByteArray();
                }
            }
            in.clear();
            if (channel.read(in) < 0) {
                throw new IOException("ovsdb-server closed the connection");
            }
            in.flip();
        }
    }

    /** @return whether {@code b} closed the outermost value */
    private boolean scan(byte b) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                inString = false;
            }
            return false;
        }
        switch (b) {
            case '"' -> inString = true;
            case '{', '[' -> depth++;
            case '}', ']' -> {
                return --depth == 0;
            }
            default -> { }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
