package org.ovsqos.daemon.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The CLI's side of the admin socket. Plain JDK channels and no logging, so that {@code ovs-qos
 * list} starts fast and never touches the daemon's log.
 */
public final class AdminClient {
    /** For {@code list} and {@code status}: answered from a snapshot, so a slow answer means a stuck daemon. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    /** For {@code release} and {@code reload}: a little longer than the server's own command timeout. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT =
            AdminServerOptions.DEFAULT_COMMAND_TIMEOUT.plusSeconds(5);
    /** 1000 interfaces make about 250 KB; anything far beyond is not our daemon. */
    static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    private final Path socket;
    private final AdminJson json = new AdminJson();

    public AdminClient(Path socket) {
        this.socket = Objects.requireNonNull(socket, "socket");
    }

    public List<InterfaceView> list() {
        return AdminJson.interfacesFromJson(listJson());
    }

    /** The {@code list} result as the daemon sent it (what {@code list --json} prints). */
    public JsonNode listJson() {
        return call(AdminJson.request(AdminCommand.LIST), DEFAULT_READ_TIMEOUT);
    }

    public DaemonStatus status() {
        return AdminJson.statusFromJson(statusJson());
    }

    public JsonNode statusJson() {
        return call(AdminJson.request(AdminCommand.STATUS), DEFAULT_READ_TIMEOUT);
    }

    /**
     * @return the daemon's one-line report, once OVSDB has committed the interface's new limit
     * @throws CommandPendingException when the release is done in the daemon but not yet in OVSDB
     */
    public String release(String interfaceName) {
        ObjectNode request = AdminJson.request(AdminCommand.RELEASE).put(AdminJson.INTERFACE, interfaceName);
        return call(request, DEFAULT_COMMAND_TIMEOUT).path(AdminJson.MESSAGE).asText();
    }

    /** @return the daemon's one-line report */
    public String reload() {
        return call(AdminJson.request(AdminCommand.RELOAD), DEFAULT_COMMAND_TIMEOUT).path(AdminJson.MESSAGE).asText();
    }

    /**
     * Sends one request and returns the response's {@code result}.
     *
     * @throws DaemonUnavailableException when no daemon answers
     * @throws AdminCommandException      when the daemon answers with an error
     * @throws CommandPendingException    when the daemon did the command but its OVSDB write is pending
     */
    public JsonNode call(ObjectNode request, Duration timeout) {
        byte[] line = (json.text(request) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] answer = exchange(line, timeout);
        JsonNode response;
        try {
            response = json.parse(answer);
        } catch (IOException e) {
            throw new AdminCommandException("malformed answer from the daemon on " + socket + ": " + e.getMessage());
        }
        if (response == null || !response.isObject()) {
            throw new AdminCommandException("malformed answer from the daemon on " + socket);
        }
        if (!response.path(AdminJson.OK).asBoolean(false)) {
            if (response.path(AdminJson.PENDING).asBoolean(false)) {
                throw new CommandPendingException(response.path(AdminJson.ERROR).asText());
            }
            throw new AdminCommandException(response.path(AdminJson.ERROR).asText("the daemon gave no reason"));
        }
        return response.path(AdminJson.RESULT);
    }

    private byte[] exchange(byte[] request, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                throw DaemonUnavailableException.ofConnectFailure(socket, facts(socket), e);
            }
            channel.configureBlocking(false);
            try (Selector selector = Selector.open()) {
                ByteBuffer out = ByteBuffer.wrap(request);
                SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
                ByteArrayOutputStream in = new ByteArrayOutputStream(4096);
                ByteBuffer chunk = ByteBuffer.allocate(16 * 1024);
                while (true) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new DaemonUnavailableException(DaemonUnavailableException.Reason.TIMED_OUT,
                                "the ovs-qos daemon did not answer on " + socket + " within " + timeout.toSeconds() + "s");
                    }
                    if (selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))) == 0) {
                        continue;
                    }
                    selector.selectedKeys().clear();
                    if (key.isWritable() && out.hasRemaining()) {
                        try {
                            channel.write(out);
                        } catch (IOException refused) {
                            // The server may have answered and closed before reading (too many
                            // connections): its reply is still queued for us to read.
                            out.position(out.limit());
                        }
                        if (!out.hasRemaining()) {
                            key.interestOps(SelectionKey.OP_READ);
                        }
                    } else if (key.isReadable()) {
                        chunk.clear();
                        int n;
                        try {
                            n = channel.read(chunk);
                        } catch (IOException reset) {
                            // A server that closes with our request unread makes the kernel
                            // report a reset after its reply: the reply is what counts.
                            if (in.size() == 0) {
                                throw reset;
                            }
                            n = -1;
                        }
                        if (n < 0) {
                            break;
                        }
                        in.write(chunk.array(), 0, n);
                        if (in.size() > MAX_RESPONSE_BYTES) {
                            throw new AdminCommandException("the answer on " + socket + " exceeds " + MAX_RESPONSE_BYTES + " bytes");
                        }
                    }
                }
                if (in.size() == 0) {
                    throw new DaemonUnavailableException(DaemonUnavailableException.Reason.NO_ANSWER,
                            "the ovs-qos daemon on " + socket + " closed the connection without answering");
                }
                return in.toByteArray();
            }
        } catch (IOException e) {
            throw new DaemonUnavailableException(DaemonUnavailableException.Reason.OTHER,
                    "lost the connection to the ovs-qos daemon on " + socket + ": " + e.getMessage());
        }
    }

    // Only after a failure, so that the common path costs no extra system calls.
    private static DaemonUnavailableException.PathFacts facts(Path socket) {
        try {
            if (Files.notExists(socket, LinkOption.NOFOLLOW_LINKS)) {
                return new DaemonUnavailableException.PathFacts(true, false, true);
            }
            boolean accessible = Files.isWritable(socket);
            boolean isSocket = AdminSocketFile.isSocket(socket);
            return new DaemonUnavailableException.PathFacts(false, isSocket, accessible);
        } catch (IOException | RuntimeException e) {
            // Existence that cannot be told means an unsearchable directory: a permission problem.
            return new DaemonUnavailableException.PathFacts(false, true, false);
        }
    }
}
