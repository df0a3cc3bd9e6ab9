package org.ovsqos.ovsdb;

/**
 * The connection to the server could not be made, or was lost. Calls that were pending when the
 * connection closed complete with this exception at once, rather than waiting for their timeout.
 */
public class OvsdbConnectionException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    public OvsdbConnectionException(String message) {
        super(message);
    }

    public OvsdbConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
