package org.ovsqos.ovsdb.jsonrpc;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where timers run. Injected so that tests advance a manual clock instead of sleeping; in
 * production it is the connection's event loop (a Netty event loop is a
 * {@link ScheduledExecutorService}), so that timeouts and responses never race on two threads.
 */
public interface RpcScheduler {

    /** Runs {@code task} once after {@code delay}; the returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} as soon as possible, after the tasks already submitted. */
    default void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    /** A scheduled task that may still be called off. Cancelling a finished task does nothing. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /** Adapts an executor service, e.g. a Netty event loop. */
    static RpcScheduler of(ScheduledExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        return new RpcScheduler() {
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
