package org.ovsqos.ovsdb.operation;

/**
 * A mutation's arithmetic is undefined, e.g. division or modulo by zero (RFC 7047 section 5.2.4).
 *
 * <p>Error string {@code "domain error"}.
 */
public final class DomainErrorException extends OvsdbOperationException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR = "domain error";

    public DomainErrorException(int index, Operation operation, String error, String details, String syntax) {
        super(index, operation, error, details, syntax);
    }
}
