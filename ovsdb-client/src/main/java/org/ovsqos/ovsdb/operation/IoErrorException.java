package org.ovsqos.ovsdb.operation;

/**
 * The server could not write the transaction to its storage (RFC 7047 section 4.1.3).
 * Open vSwitch adds the errno text in an {@code "io-error"} member, not kept here.
 *
 * <p>Error string {@code "I/O error"}.
 */
public final class IoErrorException extends OvsdbOperationException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR = "I/O error";

    public IoErrorException(int index, Operation operation, String error, String details, String syntax) {
        super(index, operation, error, details, syntax);
    }
}
