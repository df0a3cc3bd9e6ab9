package org.ovsqos.ovsdb.operation;

/**
 * A value breaks its column's constraints (enum, range, set size), a table's maxRows or index
 * would be broken, or an update touched an immutable column (RFC 7047 sections 4.1.3, 5.2).
 *
 * <p>Error string {@code "constraint violation"}.
 */
public final class ConstraintViolationException extends OvsdbOperationException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR = "constraint violation";

    public ConstraintViolationException(int index, Operation operation, String error, String details, String syntax) {
        super(index, operation, error, details, syntax);
    }
}
