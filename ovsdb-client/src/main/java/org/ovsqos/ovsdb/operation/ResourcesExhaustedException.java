package org.ovsqos.ovsdb.operation;

/**
 * The server ran out of a resource, such as memory, to carry out the transaction
 * (RFC 7047 section 4.1.3).
 *
 * <p>Error string {@code "resources exhausted"}.
 */
public final class ResourcesExhaustedException extends OvsdbOperationException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR = "resources exhausted";

    public ResourcesExhaustedException(int index, Operation operation, String error, String details, String syntax) {
        super(index, operation, error, details, syntax);
    }
}
