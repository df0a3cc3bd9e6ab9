package org.ovsqos.ovsdb.operation;

/**
 * The transaction contained an {@link Abort} (RFC 7047 section 5.2.8).
 *
 * <p>Error string {@code "aborted"}.
 */
public final class AbortedException extends OvsdbOperationException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR = "aborted";

    public AbortedException(int index, Operation operation, String error, String details, String syntax) {
        super(index, operation, error, details, syntax);
    }
}
