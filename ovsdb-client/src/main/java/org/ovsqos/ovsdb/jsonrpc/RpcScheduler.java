package org.ovsqos.ovsdb.jsonrpc;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Where timers run. Injected so that tests advance a manual clock instead of sleeping; in
 * production it is the connection's event loop (a Netty event loop is a
 * {@link ScheduledExecutorService}), so that timeouts and responses never race on two threads.
 */
public interface RpcScheduler {

    /** Runs {@code task} once after {@code delay}; the returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    /**
     * Whether the caller runs on this scheduler's thread: what {@code assert} checks where state
     * is confined to it (a Netty event loop's {@code inEventLoop()}).
     */
    boolean inLoop();

    /** Runs {@code task} as soon as possible, after the tasks already submitted. */
    default void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    /** A scheduled task that may still be called off. Cancelling a finished task does nothing. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /**
     * Adapts a single-threaded executor service, e.g. a Netty event loop.
     *
     * @param inLoop whether the caller runs on the executor's thread ({@code loop::inEventLoop})
     */
    static RpcScheduler of(ScheduledExecutorService executor, BooleanSupplier inLoop) {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(inLoop, "inLoop");
        return new RpcScheduler() {
            @Override
            public boolean inLoop() {
                return inLoop.getAsBoolean();
            }

            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                var future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
                return () -> future.cancel(false);
            }

            @Override
            public void execute(Runnable task) {
                executor.execute(task);
            }
        };
    }
}
