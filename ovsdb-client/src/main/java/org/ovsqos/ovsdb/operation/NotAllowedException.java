package org.ovsqos.ovsdb.operation;

/**
 * Open vSwitch refused a write because the server is read-only or the database is reserved
 * (an extension of RFC 7047, e.g. {@code ovsdb-server --read-only} or {@code _Server}).
 *
 * <p>Error string {@code "not allowed"}.
 */
public final class NotAllowedException extends OvsdbOperationException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR = "not allowed";

    public NotAllowedException(int index, Operation operation, String error, String details, String syntax) {
        super(index, operation, error, details, syntax);
    }
}
