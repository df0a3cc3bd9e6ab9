package org.ovsqos.ovsdb.operation;

/**
 * The result of one successful operation, an element of the {@code transact} result array
 * (RFC 7047 sections 4.1.3 and 5.2). Which kind depends on the operation: {@link InsertResult} for
 * insert, {@link SelectResult} for select, {@link CountResult} for update, mutate and delete, and
 * {@link EmptyResult} for the rest. Failed operations do not produce a result:
 * {@link TransactionCodec#parseResult} throws an {@link OvsdbOperationException} instead.
 */
public sealed interface OperationResult permits InsertResult, SelectResult, CountResult, EmptyResult {
}
