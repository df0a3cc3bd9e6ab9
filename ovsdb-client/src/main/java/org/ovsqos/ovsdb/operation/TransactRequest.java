package org.ovsqos.ovsdb.operation;

import java.util.List;
import java.util.Objects;

/**
 * The {@code params} of a {@code transact} request, {@code [<db-name>, <operation>*]}
 * (RFC 7047 section 4.1.3), as a value: what a fake server reads with
 * {@link TransactionCodec#parseParams}.
 */
public record TransactRequest(String database, List<Operation> operations) {
    public TransactRequest {
        Objects.requireNonNull(database, "database");
        operations = Args.list(operations, "operations");
    }
}
