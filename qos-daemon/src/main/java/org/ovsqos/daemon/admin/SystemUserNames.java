package org.ovsqos.daemon.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.Optional;

/**
 * The peer's name as the owner of its {@code /proc/PID} directory: the JDK names a file's owner
 * with getpwuid_r(3), so NSS answers ({@code /etc/passwd}, sssd, LDAP, whatever nsswitch.conf
 * says), and the JDK offers getpwuid through no other door.
 *
 * <p>The owner's uid is read in the same call and must be the peer's: a process that exited (its
 * pid perhaps reused) or one that is not dumpable (its {@code /proc} entry then belongs to root)
 * gets no name rather than a wrong one. The JDK names an owner without an account by its decimal
 * uid; that is "no name" here too.
 */
final class SystemUserNames implements UserNames {
    @Override
    public Optional<String> nameOf(PeerCredentials peer) {
        if (!peer.known() || peer.pid() <= 0) {
            return Optional.empty();
        }
        try {
            Map<String, Object> owner = Files.readAttributes(Path.of("/proc", Long.toString(peer.pid())),
                    "unix:uid,owner", LinkOption.NOFOLLOW_LINKS);
            long uid = Integer.toUnsignedLong((Integer) owner.get("uid"));
            String name = ((UserPrincipal) owner.get("owner")).getName();
            if (uid != peer.uid() || name.equals(Long.toString(uid))) {
                return Optional.empty();
            }
            return Optional.of(name);
        } catch (IOException | RuntimeException e) {
            // Names are a courtesy in the log; without them the ids still say who it was.
            return Optional.empty();
        }
    }
}
