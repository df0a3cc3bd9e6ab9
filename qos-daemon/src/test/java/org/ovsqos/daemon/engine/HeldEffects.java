package org.ovsqos.daemon.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.ovsqos.core.policy.PolicyBook;
import org.ovsqos.ovsdb.operation.OperationResult;

/**
 * The governor's side effects, recorded: every transaction it sends, answered at once unless the
 * test holds the answers back to play OVSDB's reply itself.
 */
final class HeldEffects implements Governor.Effects {
    final List<List<LimitWrite>> batches = new ArrayList<>();
    final List<CompletableFuture<List<OperationResult>>> unanswered = new ArrayList<>();
    boolean hold;

    @Override
    public CompletionStage<List<OperationResult>> write(List<LimitWrite> writes) {
        batches.add(List.copyOf(writes));
        if (!hold) {
            return CompletableFuture.completedFuture(List.of());
        }
        CompletableFuture<List<OperationResult>> reply = new CompletableFuture<>();
        unanswered.add(reply);
        return reply;
    }

    List<LimitWrite> lastBatch() {
        return batches.get(batches.size() - 1);
    }

    @Override
    public void saveState(PolicyBook book) {
    }

    @Override
    public void publish(Governor governor) {
    }
}
