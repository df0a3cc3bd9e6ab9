package org.ovsqos.ovsdb.operation;

/**
 * An {@link Assert} named a lock this client does not hold (RFC 7047 section 5.2.10).
 *
 * <p>Error string {@code "not owner"}.
 */
public final class NotOwnerException extends OvsdbOperationException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR = "not owner";

    public NotOwnerException(int index, Operation operation, String error, String details, String syntax) {
        super(index, operation, error, details, syntax);
    }
}
