package org.ovsqos.ovsdb.operation;

import java.util.Objects;
import java.util.UUID;

/** The result of an {@link Insert}: {@code {"uuid": ["uuid", ...]}}, the new row's UUID (RFC 7047 section 5.2.1). */
public record InsertResult(UUID uuid) implements OperationResult {
    public InsertResult {
        Objects.requireNonNull(uuid, "uuid");
    }
}
