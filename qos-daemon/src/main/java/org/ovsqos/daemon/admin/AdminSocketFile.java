package org.ovsqos.daemon.admin;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.ovsqos.daemon.common.DaemonException;
import org.ovsqos.daemon.common.NettyNative;
import org.ovsqos.daemon.process.RuntimeDirectories;

/**
 * Binding the admin socket's file: the directory is created if missing, a socket file left by a
 * dead daemon is replaced, a live one (something accepts on it) is not, and anything that is not
 * a socket is never deleted.
 */
final class AdminSocketFile {
    /** rw-rw----: connecting needs write permission, so root and the socket's group may talk to it. */
    static final Set<PosixFilePermission> SOCKET_MODE = PosixFilePermissions.fromString("rw-rw----");

    /** sun_path holds 108 bytes with its terminating NUL (unix(7)). */
    static final int MAX_PATH_BYTES = 107;

    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private AdminSocketFile() {}

    /** Connections the kernel queues before the admin thread accepts them, as listen(2) takes it. */
    static final int BACKLOG = 128;

    /**
     * Binds and listens on {@code socket}. The socket is made here, not by Netty's bind, because
     * a Netty server channel that bound a path deletes that path when it closes, whoever's file
     * it is by then; {@link AdminServer} removes only its own.
     */
    static Socket bind(Path socket) throws IOException {
        // sun_path would be cut short and the socket bound somewhere else; the JDK refuses that too.
        int pathBytes = socket.toString().getBytes(StandardCharsets.UTF_8).length;
        if (pathBytes > MAX_PATH_BYTES) {
            throw new DaemonException("admin socket path " + socket + " is " + pathBytes
                    + " bytes long; a unix socket path may have at most " + MAX_PATH_BYTES);
        }
        RuntimeDirectories.ensureParent(socket);
        removeIfStale(socket);
        if (!Epoll.isAvailable()) {
            Throwable cause = Epoll.unavailabilityCause();
            throw new DaemonException("cannot open the admin socket " + socket + ": Netty's epoll JNI library did not load ("
                    + NettyNative.failure(cause) + "); " + NettyNative.HINT, cause);
        }
        Socket server = Socket.newSocketDomain();
        try {
            server.bind(new DomainSocketAddress(socket.toFile()));
            // bind() creates the file with the umask's mode; until this line no peer that the
            // umask would not already let in can connect.
            Files.setPosixFilePermissions(socket, SOCKET_MODE);
            server.listen(BACKLOG);
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    static boolean isSocket(Path path) throws IOException {
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return (mode & S_IFMT) == S_IFSOCK;
    }

    // The daemon lock guarantees that no second daemon races us between this probe and bind().
    private static void removeIfStale(Path socket) throws IOException {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!isSocket(socket)) {
            throw new DaemonException(socket + " exists and is not a socket; refusing to replace it");
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
        } catch (ConnectException refused) {
            Files.delete(socket);
            return;
        }
        throw new DaemonException("another process is answering on " + socket + "; refusing to replace it");
    }
}
