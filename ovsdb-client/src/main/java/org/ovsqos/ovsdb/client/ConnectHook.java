package org.ovsqos.ovsdb.client;

import java.util.concurrent.CompletionStage;

/**
 * Work an {@link OvsdbSession} does on every new connection before it reports
 * {@link SessionState#CONNECTED}: re-establishing monitors (RFC 7047 section 4.1.5, or
 * {@code monitor_cond_since} to resume), re-acquiring locks (section 4.1.8),
 * {@code set_db_change_aware}. Hooks run one after another, in the order they were added, each
 * after the previous one's stage completed. A hook that fails (throws, or its stage fails) drops
 * the connection, and the session retries after its backoff.
 *
 * <p>The stage must complete; calls made on the connection always do (they time out).
 */
@FunctionalInterface
public interface ConnectHook {

    /**
     * @param connection the new connection; calls on the session itself still fail until every
     *     hook is done, so a hook calls this connection directly
     */
    CompletionStage<?> onConnect(OvsdbConnection connection);
}
