package org.ovsqos.daemon.admin;

import java.util.Optional;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;
import jnr.posix.Passwd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * getpwuid(3) through jnr-posix (a jnr-unixsocket dependency already), so that NSS answers:
 * {@code /etc/passwd}, sssd, LDAP, whatever nsswitch.conf says. Loaded on the first lookup; the
 * admin socket asks only when it logs a mutating command or a refused connection, never for
 * {@code list} or {@code status}.
 *
 * <p>getpwuid is not reentrant (its result lives in a static buffer), hence {@code synchronized};
 * the daemon has no other caller of it.
 */
final class SystemUserNames implements UserNames {
    private static final Logger log = LoggerFactory.getLogger(SystemUserNames.class);

    private POSIX posix;
    private boolean unavailable;

    @Override
    public synchronized Optional<String> nameOf(long uid) {
        if (unavailable || uid < 0) {
            return Optional.empty();
        }
        try {
            if (posix == null) {
                posix = POSIXFactory.getNativePOSIX();
            }
            Passwd entry = posix.getpwuid((int) uid);
            return entry == null ? Optional.empty() : Optional.ofNullable(entry.getLoginName());
        } catch (RuntimeException | LinkageError e) {
            // Names are a courtesy in the log; without them the ids still say who it was.
            unavailable = true;
            log.warn("user names unavailable error=\"{}\"", e.toString());
            return Optional.empty();
        }
    }
}
