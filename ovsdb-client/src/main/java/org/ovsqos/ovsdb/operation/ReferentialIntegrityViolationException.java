package org.ovsqos.ovsdb.operation;

/**
 * The commit would leave a reference to a row that does not exist, or delete a row still referenced
 * by a strong reference (RFC 7047 section 4.1.3). Usually the commit-error element.
 *
 * <p>Error string {@code "referential integrity violation"}.
 */
public final class ReferentialIntegrityViolationException extends OvsdbOperationException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR = "referential integrity violation";

    public ReferentialIntegrityViolationException(int index, Operation operation, String error, String details, String syntax) {
        super(index, operation, error, details, syntax);
    }
}
