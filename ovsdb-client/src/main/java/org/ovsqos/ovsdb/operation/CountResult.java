package org.ovsqos.ovsdb.operation;

/**
 * The result of an {@link Update}, {@link Mutate} or {@link Delete}: {@code {"count": n}}, the
 * number of rows that matched (RFC 7047 sections 5.2.3 to 5.2.5).
 */
public record CountResult(long count) implements OperationResult {
    public CountResult {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
    }
}
