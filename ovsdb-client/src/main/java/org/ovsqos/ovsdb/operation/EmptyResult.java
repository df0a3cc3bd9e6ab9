package org.ovsqos.ovsdb.operation;

/**
 * The result of a successful {@link Wait}, {@link Commit}, {@link Comment} or {@link Assert}:
 * {@code {}} (RFC 7047 sections 5.2.6 to 5.2.10).
 */
public record EmptyResult() implements OperationResult {
    public static final EmptyResult INSTANCE = new EmptyResult();
}
