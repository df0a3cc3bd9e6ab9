package org.ovsqos.ovsdb.operation;

/**
 * A mutation's arithmetic overflowed the 64-bit integer range (RFC 7047 section 5.2.4).
 *
 * <p>Error string {@code "range error"}.
 */
public final class RangeErrorException extends OvsdbOperationException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR = "range error";

    public RangeErrorException(int index, Operation operation, String error, String details, String syntax) {
        super(index, operation, error, details, syntax);
    }
}
