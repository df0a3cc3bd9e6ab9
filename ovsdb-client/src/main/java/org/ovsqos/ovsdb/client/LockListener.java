package org.ovsqos.ovsdb.client;

/**
 * Hears what happens to the locks an {@link OvsdbClient} asked for (RFC 7047 sections 4.1.8 to
 * 4.1.10). Called on the session's I/O thread, in the order the server sent the notifications:
 * hand work elsewhere instead of blocking.
 *
 * <p>Locks belong to one connection: when it drops, the server releases them without a
 * notification. A client that must hold a lock asks again after each reconnect (an
 * {@link OvsdbSession#addConnectHook on-connect hook} on the hook's connection, or a
 * {@link SessionListener}).
 */
public interface LockListener {

    /**
     * The server's {@code locked} notification (section 4.1.9): a {@link OvsdbClient#lock} that
     * was queued has now been granted.
     */
    void locked(String lockId);

    /**
     * The server's {@code stolen} notification (section 4.1.10): another client took the lock
     * with {@code steal}. This client no longer owns it. If it had asked with
     * {@link OvsdbClient#lock}, it stays queued, and gets {@link #locked} again when the lock comes
     * back to it (until it calls {@link OvsdbClient#unlock}); if it had stolen the lock itself, it
     * is out of the queue.
     */
    void stolen(String lockId);
}
