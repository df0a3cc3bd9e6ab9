package org.ovsqos.daemon.engine;

import java.time.Duration;
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

    /**
     * The governor's real thread. A task that throws is logged and the thread carries on: a
     * scheduled executor would otherwise keep the exception in a future nobody reads.
     */
    static GovernorThread of(ScheduledExecutorService executor) {
        return new GovernorThread() {
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
