package org.ovsqos.ovsdb.operation;

/**
 * The server does not support what the operation asked for, e.g. a wait it cannot defer
 * (RFC 7047 section 5.2.6; Open vSwitch's own tools see it for a wait without timeout).
 *
 * <p>Error string {@code "not supported"}.
 */
public final class OperationNotSupportedException extends OvsdbOperationException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR = "not supported";

    public OperationNotSupportedException(int index, Operation operation, String error, String details, String syntax) {
        super(index, operation, error, details, syntax);
    }
}
