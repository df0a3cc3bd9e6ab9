package org.ovsqos.ovsdb.operation;

/**
 * An insert asked for a row UUID ({@link Insert#uuid()}) that a row of the table already has, or
 * that the same transaction deleted (ovsdb-server(7) section 5.2.1, Open vSwitch 2.13 and later).
 *
 * <p>Error string {@code "duplicate uuid"}.
 */
public final class DuplicateUuidException extends OvsdbOperationException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR = "duplicate uuid";

    public DuplicateUuidException(int index, Operation operation, String error, String details, String syntax) {
        super(index, operation, error, details, syntax);
    }
}
