package org.ovsqos.ovsdb;

/**
 * Root of every exception this library throws or completes a future with. Unchecked, so that
 * {@code CompletableFuture} pipelines and lambdas carry it without wrapping.
 *
 * <p>Subclasses say <em>what kind</em> of failure happened; the message says what failed and on
 * which method, table, row or column.
 */
public class OvsdbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OvsdbException(String message) {
        super(message);
    }

    public OvsdbException(String message, Throwable cause) {
        super(message, cause);
    }
}
