package org.ovsqos.daemon.admin;

import java.util.Optional;

/**
 * Login names of admin peers, for log lines and error messages only: authorisation never looks
 * at a name ({@link Authorization}).
 */
@FunctionalInterface
interface UserNames {
    /** The name the system gives the peer's uid, or empty when it has none (or cannot tell). */
    Optional<String> nameOf(PeerCredentials peer);

    /** The system's user database through NSS: local accounts and sssd/LDAP ones alike. */
    static UserNames system() {
        return new SystemUserNames();
    }
}
