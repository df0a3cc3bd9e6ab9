package org.ovsqos.daemon.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.OptionalInt;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * Who is on the other end of an admin connection, from the kernel's SO_PEERCRED (the credentials
 * the client had when it connected; it cannot forge them).
 *
 * @param user the peer's user name as the JDK reports it, when it could be read
 * @param uid  the peer's uid, when it could be resolved (see {@link UidResolver})
 */
record PeerCredentials(Optional<String> user, OptionalInt uid) {
    static final PeerCredentials UNKNOWN = new PeerCredentials(Optional.empty(), OptionalInt.empty());

    /**
     * Reads the peer of an accepted unix-domain channel. Failing to read it is not an error here:
     * an unknown peer is simply not root.
     */
    static PeerCredentials of(SocketChannel channel, UidResolver resolver) {
        try {
            UnixDomainPrincipal principal = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            String name = principal.user().getName();
            return new PeerCredentials(Optional.of(name), resolver.uidOf(name));
        } catch (IOException | UncheckedIOException | UnsupportedOperationException e) {
            return UNKNOWN;
        }
    }

    /** For log lines and error messages: {@code uid=0 user=root}, or {@code unknown}. */
    String describe() {
        if (user.isEmpty()) {
            return "unknown";
        }
        return (uid.isPresent() ? "uid=" + uid.getAsInt() : "uid=?") + " user=" + user.get();
    }
}
