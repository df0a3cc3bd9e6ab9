package org.ovsqos.ovsdb.operation;

import java.util.Objects;

/**
 * The {@code comment} operation (RFC 7047 section 5.2.9): records {@code comment} with the
 * transaction in the database log, where {@code ovsdb-tool show-log} shows it.
 * Its result is {@link EmptyResult}.
 */
public record Comment(String comment) implements Operation {
    public Comment {
        Objects.requireNonNull(comment, "comment");
    }

    @Override
    public String op() {
        return "comment";
    }
}
