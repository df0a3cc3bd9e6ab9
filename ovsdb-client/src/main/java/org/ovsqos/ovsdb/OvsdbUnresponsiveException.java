package org.ovsqos.ovsdb;

/**
 * The server accepted the connection but stopped answering: an inactivity probe went unanswered,
 * or a call an on-connect hook made timed out. The connection was dropped, as Open vSwitch's own
 * clients drop it. Told apart from a refused or lost connection because the remedy differs: a
 * frozen or overloaded server is running, and restarting it is not the first thing to try.
 */
public class OvsdbUnresponsiveException extends OvsdbConnectionException {
    private static final long serialVersionUID = 1L;

    public OvsdbUnresponsiveException(String message) {
        super(message);
    }

    public OvsdbUnresponsiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
