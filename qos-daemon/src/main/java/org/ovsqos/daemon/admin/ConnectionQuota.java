package org.ovsqos.daemon.admin;

import java.util.HashMap;
import java.util.Map;

/**
 * How many admin connections may be open at once, and for whom, so that no local user can lock
 * root out by holding connections: a non-root uid gets at most {@code perUser} of them, all
 * non-root peers together at most {@code max - reservedForRoot}, and root any free one of the
 * {@code max}. (Idle connections are dropped after the read timeout as well; the quota is what
 * keeps root's slots free while a client reconnects as fast as it is dropped.)
 *
 * <p>Owned by the admin socket's thread; counts are keyed by uid, an unknown peer counting as
 * one more non-root user.
 */
final class ConnectionQuota {
    enum Verdict {
        ADMITTED,
        /** Every connection a peer like this one may use is taken. */
        SERVER_FULL,
        /** This uid holds its share already. */
        USER_FULL
    }

    private final int max;
    private final int perUser;
    private final int reservedForRoot;
    private final Map<Long, Integer> byUid = new HashMap<>();
    private int open;
    private int openByRoot;

    ConnectionQuota(int max, int perUser, int reservedForRoot) {
        this.max = max;
        this.perUser = perUser;
        this.reservedForRoot = reservedForRoot;
    }

    /** Counts the connection in when it may be opened. */
    Verdict admit(PeerCredentials peer) {
        if (peer.isRoot()) {
            if (open >= max) {
                return Verdict.SERVER_FULL;
            }
            openByRoot++;
        } else {
            if (open - openByRoot >= max - reservedForRoot || open >= max) {
                return Verdict.SERVER_FULL;
            }
            if (byUid.getOrDefault(peer.uid(), 0) >= perUser) {
                return Verdict.USER_FULL;
            }
            byUid.merge(peer.uid(), 1, Integer::sum);
        }
        open++;
        return Verdict.ADMITTED;
    }

    /** Counts an admitted connection out again; once per admitted connection. */
    void release(PeerCredentials peer) {
        open--;
        if (peer.isRoot()) {
            openByRoot--;
        } else {
            byUid.computeIfPresent(peer.uid(), (uid, count) -> count == 1 ? null : count - 1);
        }
    }

    int open() {
        return open;
    }

    int openBy(PeerCredentials peer) {
        return peer.isRoot() ? openByRoot : byUid.getOrDefault(peer.uid(), 0);
    }
}
