package org.ovsqos.daemon.engine;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one thread the {@link Governor} runs on: it executes hand-overs and delayed tasks. An
 * interface rather than a {@link ScheduledExecutorService} so tests drive the governor with a
 * manual clock and run its delayed tasks when they choose, without sleeping.
 */
interface GovernorThread extends Executor {

    void schedule(Runnable task, Duration delay);

    static GovernorThread of(ScheduledExecutorService executor) {
        return new GovernorThread() {
            @Override
            public void execute(Runnable task) {
                executor.execute(task);
            }

            @Override
            public void schedule(Runnable task, Duration delay) {
                executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            }
        };
    }
}
