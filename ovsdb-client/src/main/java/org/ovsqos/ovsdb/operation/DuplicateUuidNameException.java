package org.ovsqos.ovsdb.operation;

/**
 * Two inserts of one transaction used the same {@code uuid-name} (RFC 7047 section 5.2.1).
 *
 * <p>Error string {@code "duplicate uuid-name"}.
 */
public final class DuplicateUuidNameException extends OvsdbOperationException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR = "duplicate uuid-name";

    public DuplicateUuidNameException(int index, Operation operation, String error, String details, String syntax) {
        super(index, operation, error, details, syntax);
    }
}
