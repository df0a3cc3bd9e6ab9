package org.ovsqos.daemon.admin;

/**
 * Who may do what on the admin socket (the command-line contract): reading ({@code list},
 * {@code status}) is for anyone who can open the socket, which its mode 0660 already restricts;
 * changing state ({@code release}, {@code reload}) is for uid 0 only, decided on the number the
 * kernel gives, never on a user name. A peer whose uid is unknown is not root.
 */
final class Authorization {
    private Authorization() {}

    static boolean permits(AdminCommand command, PeerCredentials peer) {
        return !command.mutating() || peer.isRoot();
    }
}
