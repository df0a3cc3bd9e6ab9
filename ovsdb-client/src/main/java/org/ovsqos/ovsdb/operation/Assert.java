package org.ovsqos.ovsdb.operation;

import java.util.Objects;
import org.ovsqos.ovsdb.notation.NamedUuidAtom;

/**
 * The {@code assert} operation (RFC 7047 section 5.2.10): fails the transaction with
 * {@code "not owner"} ({@link NotOwnerException}) unless this client holds {@code lock}.
 * Its result is {@link EmptyResult}.
 */
public record Assert(String lock) implements Operation {
    public Assert {
        Objects.requireNonNull(lock, "lock");
        // The server parses the lock name as an <id> (RFC 7047 section 3.1).
        if (!NamedUuidAtom.isValidName(lock)) {
            throw new IllegalArgumentException("lock name must match [_a-zA-Z][_a-zA-Z0-9]*, got \"" + lock + '"');
        }
    }

    @Override
    public String op() {
        return "assert";
    }
}
