package org.ovsqos.ovsdb.operation;

/**
 * The {@code abort} operation (RFC 7047 section 5.2.8): makes the transaction fail with
 * {@code "aborted"} ({@link AbortedException}), undoing the operations before it.
 */
public record Abort() implements Operation {
    @Override
    public String op() {
        return "abort";
    }
}
