package org.ovsqos.daemon.admin;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refused admin connections in the log: the first one at once, then at most one line a minute
 * carrying how many were refused since. A client that reconnects as fast as it is turned away
 * must not flood the log (and rotate away what came before) any more than the socket.
 */
final class RefusalLog {
    static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);

    private final UserNames names;
    private boolean loggedBefore;
    private long lastLineNanos;
    private long unlogged;

    RefusalLog(UserNames names) {
        this.names = names;
    }

    /** @return whether it wrote a line (for tests) */
    boolean refused(PeerCredentials peer, ConnectionQuota.Verdict reason, ConnectionQuota quota, long nowNanos) {
        if (loggedBefore && nowNanos - lastLineNanos < INTERVAL_NANOS) {
            unlogged++;
            return false;
        }
        log.warn("admin connection refused peer=\"{}\" reason={} open_by_peer={} open={} refused_since_last_line={}",
                peer.describe(names.nameOf(peer)), reason.name().toLowerCase(Locale.ROOT),
                quota.openBy(peer), quota.open(), unlogged);
        loggedBefore = true;
        lastLineNanos = nowNanos;
        unlogged = 0;
        return true;
    }
}
