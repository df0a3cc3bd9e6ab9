package org.ovsqos.daemon.engine;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The one thread the {@link Governor} runs on: it executes hand-overs and delayed tasks. An
 * interface rather than a {@link ScheduledExecutorService} so tests drive the governor with a
 * manual clock and run its delayed tasks when they choose, without sleeping.
 */
interface GovernorThread extends Executor {

    void schedule(Runnable task, Duration delay);

    /** Whether the caller runs on this thread: what {@code assert} checks at every entry to its state. */
    boolean isCurrent();

    /**
     * The governor's real thread. A task that throws is logged and the thread carries on: a
     * scheduled executor would otherwise keep the exception in a future nobody reads.
     */
    static GovernorThread of(ScheduledExecutorService executor) {
        // A single-thread executor runs every task on one thread for good (a task that throws
        // does not replace it), so asking it once which thread that is answers for its life.
        Thread owner;
        try {
            owner = executor.submit(Thread::currentThread).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted starting the governor thread", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the governor thread did not start", e);
        }
        return new GovernorThread() {
            @Override
            public boolean isCurrent() {
                return Thread.currentThread() == owner;
            }

            @Override
            public void execute(Runnable task) {
                if (executor.isShutdown()) {
                    return; // the daemon is stopping: late events (the session closing) need no work
                }
                executor.execute(guarded(task));
            }

            @Override
            public void schedule(Runnable task, Duration delay) {
                if (executor.isShutdown()) {
                    return;
                }
                executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
            }
        };
    }

    /** The message of a failed confinement assertion: who called. */
    static String offThread() {
        return "called on thread " + Thread.currentThread().getName() + ", not the governor's";
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(Governor.class).error("governor task failed error=\"{}\"", e.toString(), e);
            }
        };
    }
}
