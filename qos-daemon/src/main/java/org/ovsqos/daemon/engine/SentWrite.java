package org.ovsqos.daemon.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.ovsqos.core.policy.Limit;
import org.ovsqos.daemon.admin.CommandPendingException;
import org.ovsqos.ovsdb.operation.CountResult;
import org.ovsqos.ovsdb.operation.OperationResult;

/**
 * The last limit sent for one row and the transaction carrying it, so that {@code release} can
 * answer when OVSDB has committed the write (the transaction's reply) rather than when it was
 * sent.
 *
 * @param resultIndex where this write's result is among the transaction's results
 */
record SentWrite(Limit limit, CompletableFuture<List<OperationResult>> transaction, int resultIndex) {

    /**
     * Completes with {@code done} once OVSDB has committed the write; exceptionally with a
     * {@link CommandPendingException} starting with {@code pending} when the transaction failed
     * or updated no row. Not on the governor's thread: it reads nothing but the reply.
     */
    CompletableFuture<String> confirm(String done, String pending) {
        return transaction.handle((results, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                throw new CommandPendingException(pending + "the write to OVSDB failed (" + cause.getMessage()
                        + ") and is retried");
            }
            if (updatedNothing(results, resultIndex)) {
                throw new CommandPendingException(pending + "the interface's row changed before the write; "
                        + "its new row is policed as soon as it is seen");
            }
            return done;
        });
    }

    /** Whether OVSDB updated no row for the write at {@code index}: the row was deleted or renamed meanwhile. */
    static boolean updatedNothing(List<OperationResult> results, int index) {
        return results != null && index < results.size() && results.get(index) instanceof CountResult c
                && c.count() == 0;
    }
}
