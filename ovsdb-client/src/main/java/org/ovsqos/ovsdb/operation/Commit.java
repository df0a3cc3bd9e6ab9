package org.ovsqos.ovsdb.operation;

/**
 * The {@code commit} operation (RFC 7047 section 5.2.7). Every transaction commits when it ends;
 * this operation only asks, with {@code durable}, that the reply wait until the change is durable.
 * Its result is {@link EmptyResult}.
 */
public record Commit(boolean durable) implements Operation {
    @Override
    public String op() {
        return "commit";
    }
}
