package org.ovsqos.daemon.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The admin socket spoken to directly, as the CLI speaks to it: one request line, one answer,
 * then the daemon closes. The tests wait on the daemon through this (polling {@code ovs-qos list}
 * would start a JVM a poll), and send it what no CLI would: malformed requests.
 */
final class AdminSocket {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AdminSocket() {}

    /** Sends {@code request} as given (plus a newline) and returns the raw answer. */
    static String exchange(Path socket, String request) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer out = ByteBuffer.wrap((request + "\n").getBytes(UTF_8));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(8192);
            while (channel.read(in) >= 0) {
                answer.write(in.array(), 0, in.position());
                in.clear();
            }
            return answer.toString(UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("admin socket " + socket + ": " + e.getMessage(), e);
        }
    }

    static JsonNode ask(Path socket, String request) {
        try {
            return JSON.readTree(exchange(socket, request));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code result} of a successful command; fails the test on an error answer. */
    static JsonNode result(Path socket, String command) {
        JsonNode answer = ask(socket, "{\"command\":\"" + command + "\"}");
        if (!answer.path("ok").asBoolean()) {
            throw new AssertionError(command + " failed: " + answer);
        }
        return answer.get("result");
    }
}
