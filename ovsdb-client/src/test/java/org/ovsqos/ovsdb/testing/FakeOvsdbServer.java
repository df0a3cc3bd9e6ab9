package org.ovsqos.ovsdb.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.ovsqos.ovsdb.client.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process stand-in for an OVSDB server on a temp unix socket, for the failures a real
 * server cannot be made to produce: garbage, truncation, wrong ids, silence. Each accepted
 * connection runs a {@link Script} on its own thread; the n-th connection gets the n-th script,
 * and later connections the last one, so a test can misbehave first and behave after a reconnect.
 * Plain JDK sockets: independent of the client under test.
 */
public final class FakeOvsdbServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FakeOvsdbServer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What the server does with one connection. */
    @FunctionalInterface
    public interface Script {
        void serve(Conversation conversation) throws IOException;
    }

    private final Path dir;
    private final ServerSocketChannel server;
    private final List<Script> scripts;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private FakeOvsdbServer(Path dir, ServerSocketChannel server, List<Script> scripts) {
        this.dir = dir;
        this.server = server;
        this.scripts = scripts;
    }

    public static FakeOvsdbServer start(Script... scripts) {
        if (scripts.length == 0) {
            throw new IllegalArgumentException("at least one script");
        }
        try {
            Path dir = Files.createTempDirectory("fake-ovsdb-");
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(dir.resolve("db.sock")));
            FakeOvsdbServer fake = new FakeOvsdbServer(dir, server, List.of(scripts));
            Thread acceptor = new Thread(fake::acceptLoop, "fake-ovsdb-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers {@code echo} with its params and {@code list_dbs} with Open_vSwitch, until EOF. */
    public static Script wellBehaved() {
        return c -> {
            for (JsonNode request = c.readRequest(); request != null; request = c.readRequest()) {
                switch (request.path("method").asText()) {
                    case "echo" -> c.reply(request, request.get("params"));
                    case "list_dbs" -> c.reply(request, MAPPER.createArrayNode().add("Open_vSwitch"));
                    default -> c.send("{\"id\":" + request.get("id") + ",\"error\":\"unknown method\"}");
                }
            }
        };
    }

    public Endpoint endpoint() {
        return new Endpoint.Unix(dir.resolve("db.sock"));
    }

    /** Connections accepted so far. */
    public int connections() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel channel = server.accept();
                int n = accepted.getAndIncrement();
                open.add(channel);
                Script script = scripts.get(Math.min(n, scripts.size() - 1));
                Thread worker = new Thread(() -> serve(channel, script), "fake-ovsdb-conn-" + n);
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                if (!closed) {
                    log.warn("fake server accept failed", e);
                }
                return;
            }
        }
    }

    private void serve(SocketChannel channel, Script script) {
        try (channel) {
            script.serve(new Conversation(channel));
        } catch (IOException e) {
            log.debug("fake server connection ended: {}", e.toString());
        } finally {
            open.remove(channel);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
            for (SocketChannel channel : open) {
                channel.close();
            }
            Files.deleteIfExists(dir.resolve("db.sock"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            log.debug("fake server cleanup: {}", e.toString());
        }
    }

    /** One accepted connection, seen from the server's side. */
    public static final class Conversation {
        private final SocketChannel channel;
        private final InputStream in;
        private final OutputStream out;
        private MappingIterator<JsonNode> requests;

        Conversation(SocketChannel channel) {
            this.channel = channel;
            this.in = Channels.newInputStream(channel);
            this.out = Channels.newOutputStream(channel);
        }

        /** The next JSON value the client sent, or {@code null} at end of stream. */
        public JsonNode readRequest() throws IOException {
            if (requests == null) {
                requests = MAPPER.readerFor(JsonNode.class).readValues(in);
            }
            return requests.hasNextValue() ? requests.nextValue() : null;
        }

        /** A successful response to {@code request}. */
        public void reply(JsonNode request, JsonNode result) throws IOException {
            ObjectNode response = MAPPER.createObjectNode();
            response.set("id", request.get("id"));
            response.set("result", result);
            response.putNull("error");
            send(MAPPER.writeValueAsBytes(response));
        }

        public void send(String text) throws IOException {
            send(text.getBytes(UTF_8));
        }

        public void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Blocks until the client closes its end (or the fake server is closed). */
        public void awaitClientClose() throws IOException {
            byte[] discard = new byte[4096];
            while (in.read(discard) >= 0) {
                // keep reading: the client may still send echo probes
            }
        }

        public void close() throws IOException {
            channel.close();
        }
    }
}
