package org.ovsqos.daemon.admin;

import java.util.Optional;

/**
 * Login names for uids, for log lines and error messages only: authorisation never looks at a
 * name ({@link Authorization}).
 */
@FunctionalInterface
interface UserNames {
    /** The name the system gives {@code uid}, or empty when it has none (or cannot tell). */
    Optional<String> nameOf(long uid);

    /** The system's user database through NSS: local accounts and sssd/LDAP ones alike. */
    static UserNames system() {
        return new SystemUserNames();
    }
}
