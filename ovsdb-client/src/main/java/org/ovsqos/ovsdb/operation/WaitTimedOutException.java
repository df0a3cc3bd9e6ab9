package org.ovsqos.ovsdb.operation;

/**
 * A {@link Wait} was not satisfied within its timeout (RFC 7047 section 5.2.6). Not to be confused
 * with {@link org.ovsqos.ovsdb.OvsdbTimeoutException}, which means the server did not answer a call.
 *
 * <p>Error string {@code "timed out"}.
 */
public final class WaitTimedOutException extends OvsdbOperationException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR = "timed out";

    public WaitTimedOutException(int index, Operation operation, String error, String details, String syntax) {
        super(index, operation, error, details, syntax);
    }
}
