package org.ovsqos.daemon.admin;

/**
 * The daemon carried a command out in its own state, but the write to OVSDB that completes it has
 * not been committed (dry run, OVSDB unreachable, a failed transaction that is retried). The
 * message says what was done and what is pending. A refusal in every other respect, so a client
 * that does not know this kind still never reports the command as done.
 */
public final class CommandPendingException extends AdminCommandException {
    private static final long serialVersionUID = 1L;

    public CommandPendingException(String message) {
        super(message);
    }
}
