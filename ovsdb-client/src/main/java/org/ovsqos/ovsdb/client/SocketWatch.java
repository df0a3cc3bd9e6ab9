package org.ovsqos.ovsdb.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;

/**
 * Notices a server coming back on a {@code unix:} socket. A server that starts creates its
 * socket file anew (unlinking a stale one first), so while the session is down a change of the
 * file's identity (device and inode, and modification time) means someone is listening again:
 * the session connects then instead of at the end of its backoff. Looking costs one {@code stat}
 * per period, and only while disconnected; the backoff still bounds the attempts when the file
 * is there but nobody answers.
 */
final class SocketWatch {
    private static final SocketWatch NONE = new SocketWatch(null, Duration.ZERO);

    private final Path path;
    private final Duration period;
    private Object seen;

    private SocketWatch(Path path, Duration period) {
        this.path = path;
        this.period = period;
    }

    /** A watch of {@code endpoint}'s socket file, or none for tcp, ssl, or a zero period. */
    static SocketWatch of(Endpoint endpoint, Duration period) {
        Objects.requireNonNull(period, "period");
        return endpoint instanceof Endpoint.Unix unix && !period.isZero() ? new SocketWatch(unix.path(), period) : NONE;
    }

    static SocketWatch none() {
        return NONE;
    }

    boolean enabled() {
        return path != null;
    }

    Duration period() {
        return period;
    }

    /** Takes the file as it is now (or its absence) as the one that failed. */
    void remember() {
        seen = identity();
    }

    /** Whether a socket file other than the remembered one is there now. */
    boolean renewed() {
        Object now = identity();
        return now != null && !now.equals(seen);
    }

    private Object identity() {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.fileKey() + "@" + a.lastModifiedTime().toMillis();
        } catch (IOException | UnsupportedOperationException e) {
            return null; // not there (yet): nothing to connect to
        }
    }
}
