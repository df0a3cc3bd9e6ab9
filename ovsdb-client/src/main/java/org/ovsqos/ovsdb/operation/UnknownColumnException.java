package org.ovsqos.ovsdb.operation;

/**
 * An operation named a column its table does not have (Open vSwitch's error string, an
 * extension of RFC 7047).
 *
 * <p>Error string {@code "unknown column"}.
 */
public final class UnknownColumnException extends SyntaxErrorException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("hiding")
    public static final String ERROR = "unknown column";

    public UnknownColumnException(int index, Operation operation, String error, String details, String syntax) {
        super(index, operation, error, details, syntax);
    }
}
