package org.ovsqos.ovsdb.client;

import org.ovsqos.ovsdb.OvsdbException;

/** A failure that no reconnect cures: the replica gives up instead of making the session flap. */
final class Unrecoverable extends OvsdbException {
    private static final long serialVersionUID = 1L;

    Unrecoverable(String message, Throwable cause) {
        super(message, cause);
    }
}
