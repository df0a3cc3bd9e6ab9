package org.ovsqos.ovsdb.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ovsqos.ovsdb.jsonrpc.RpcScheduler;

/**
 * Notices a new socket at a unix endpoint's path, so that a session waiting out its backoff
 * connects the moment a server starts there rather than up to the backoff's maximum later. While
 * (and only while) a retry is pending, it looks at the path every period, on the session's
 * thread; it fires once what is there differs from what the last attempt found.
 *
 * <p>A poll, not a {@link java.nio.file.WatchService}, though inotify does report a socket's
 * creation (measured: 0.1 to 2.4 ms after bind(2)). The watch service would need a thread and an
 * inotify instance per session, and could not watch a directory that is missing (OVS creates
 * {@code /run/openvswitch} only when it starts, which may be after us at boot) or that is removed
 * and made again (its key is then dead): it would need this poll as a fallback anyway. The poll
 * costs a stat(2) of about 2 microseconds per period and runs on a scheduler that tests drive by
 * hand.
 *
 * <p>A file's identity is its inode <em>and</em> its modification time: a server that unlinks a
 * stale socket and binds a new one gets the same inode number back (measured: every time on
 * ext4), but a later time.
 */
final class SocketWatch {

    /** What is at a path: a value that differs for each socket bound there, or empty if nothing is. */
    @FunctionalInterface
    interface PathIdentity {
        Optional<Object> at(Path path);
    }

    static final PathIdentity FILE_SYSTEM = path -> {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return Optional.of(List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime()));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    };

    private final Path path;
    private final Duration period;
    private final RpcScheduler loop;
    private final PathIdentity identity;

    // Confined to the loop thread.
    private Optional<Object> attempted = Optional.empty();
    private RpcScheduler.Cancellable poll;

    /** @param path {@code null} for a watch that never fires (tcp, ssl, or watching turned off) */
    SocketWatch(Path path, Duration period, RpcScheduler loop, PathIdentity identity) {
        this.path = path;
        this.period = period;
        this.loop = Objects.requireNonNull(loop, "loop");
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    /** The watch {@code options} ask for on {@code endpoint}: none unless it is a unix socket. */
    static SocketWatch of(Endpoint endpoint, OvsdbOptions options, RpcScheduler loop) {
        Duration period = options.unixSocketWatch();
        Path path = endpoint instanceof Endpoint.Unix unix && !period.isZero() ? unix.path() : null;
        return new SocketWatch(path, period, loop, FILE_SYSTEM);
    }

    /** Remembers what is at the path now, as what the attempt about to be made connects to. */
    void beforeAttempt() {
        stop();
        if (path != null) {
            attempted = identity.at(path);
        }
    }

    /** Starts looking: {@code onNewSocket} runs once, when a socket other than the last attempt's appears. */
    void start(Runnable onNewSocket) {
        stop();
        if (path != null) {
            poll = loop.schedule(period, () -> check(onNewSocket));
        }
    }

    void stop() {
        if (poll != null) {
            poll.cancel();
            poll = null;
        }
    }

    private void check(Runnable onNewSocket) {
        poll = null;
        Optional<Object> now = identity.at(path);
        if (now.isPresent() && !now.equals(attempted)) {
            onNewSocket.run();
        } else {
            poll = loop.schedule(period, () -> check(onNewSocket));
        }
    }
}
