package org.ovsqos.daemon.admin;

import java.util.OptionalInt;

/**
 * Who may do what on the admin socket (the command-line contract): reading ({@code list},
 * {@code status}) is for anyone who can open the socket, which its mode 0660 already restricts;
 * changing state ({@code release}, {@code reload}) is for uid 0 only. A peer whose uid is
 * unknown is not root.
 */
final class Authorization {
    static final int ROOT_UID = 0;

    private Authorization() {}

    static boolean permits(AdminCommand command, OptionalInt peerUid) {
        return !command.mutating() || (peerUid.isPresent() && peerUid.getAsInt() == ROOT_UID);
    }
}
