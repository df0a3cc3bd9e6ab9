package org.ovsqos.daemon.admin;

import io.netty.channel.epoll.EpollDomainSocketChannel;
import java.io.IOException;
import java.util.Optional;

/**
 * Who is on the other end of an admin connection: the numeric ids the kernel recorded when the
 * client connected (SO_PEERCRED). The client cannot forge them, and no name is involved: a user
 * whose login name is {@code 00} is uid 1004, not uid 0. Names are for the log only
 * ({@link #describe}).
 *
 * <p>Why Netty's epoll channels and not the JDK's own unix channels: the JDK's {@code SO_PEERCRED} gives
 * only a principal holding the user's <em>name</em> (from getpwuid, or the decimal uid when there
 * is no entry), so the uid itself is out of reach through public API, and turning the name back
 * into a uid is exactly the mistake this class exists to avoid.
 *
 * @param uid the effective uid, or {@link #UNKNOWN_ID}
 * @param gid the effective gid, or {@link #UNKNOWN_ID}
 * @param pid the process that connected, or {@link #UNKNOWN_ID}
 */
record PeerCredentials(long uid, long gid, long pid) {
    static final long UNKNOWN_ID = -1;
    static final long ROOT_UID = 0;
    static final PeerCredentials UNKNOWN = new PeerCredentials(UNKNOWN_ID, UNKNOWN_ID, UNKNOWN_ID);

    /**
     * Reads the peer of an accepted connection. Failing to read it is not an error here: an
     * unknown peer is simply not root.
     */
    static PeerCredentials of(EpollDomainSocketChannel channel) {
        try {
            io.netty.channel.unix.PeerCredentials c = channel.peerCredentials();
            // SO_PEERCRED reports one gid, the effective one.
            int[] gids = c.gids();
            long gid = gids.length == 0 ? UNKNOWN_ID : Integer.toUnsignedLong(gids[0]);
            // uid_t and gid_t are unsigned 32-bit; Netty hands them over as int.
            return new PeerCredentials(Integer.toUnsignedLong(c.uid()), gid, c.pid());
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    boolean isRoot() {
        return uid == ROOT_UID;
    }

    boolean known() {
        return uid != UNKNOWN_ID;
    }

    /**
     * For log lines and error messages: {@code uid=1004 gid=1004 pid=4242 user=00}, the name
     * escaped ({@link Printable}) so that it cannot break the quoted field it is logged in;
     * {@code user=?} when the system knows no name for the uid; {@code unknown} without
     * credentials.
     */
    String describe(Optional<String> userName) {
        if (!known()) {
            return "unknown";
        }
        return "uid=" + uid + " gid=" + gid + " pid=" + pid + " user=" + userName.map(Printable::escape).orElse("?");
    }
}
