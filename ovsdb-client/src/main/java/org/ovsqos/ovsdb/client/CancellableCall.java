package org.ovsqos.ovsdb.client;

import java.util.concurrent.CompletableFuture;

/**
 * The future of one request, whose {@link #cancel} also tells the server to stop working on it
 * (RFC 7047 section 4.1.4). Stages derived from it ({@code thenApply}, ...) are plain futures:
 * cancelling one of those leaves the request alone, as for any {@link CompletableFuture}.
 */
final class CancellableCall<T> extends CompletableFuture<T> {

    private final Runnable onCancel;

    /** @param onCancel abandons the request locally and sends the {@code cancel} notification */
    CancellableCall(Runnable onCancel) {
        this.onCancel = onCancel;
    }

    /**
     * Cancels the call: the future fails with a {@link java.util.concurrent.CancellationException},
     * its response is dropped when it comes, and the server is sent {@code cancel}. As for any
     * {@link CompletableFuture}, {@code mayInterruptIfRunning} makes no difference.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            onCancel.run();
        }
        return cancelled;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
