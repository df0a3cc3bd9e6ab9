package org.ovsqos.daemon.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link GovernorThread} whose tasks run only when the test says, in due order, on the test's thread. */
final class ManualThread implements GovernorThread {
    private record Task(Instant due, long seq, Runnable run) {
    }

    private final MutableClock clock;
    /** The test's thread, on which the governor's tasks run: the one its confinement asserts. */
    private final Thread owner = Thread.currentThread();
    private final List<Task> tasks = new ArrayList<>();
    private long seq;

    ManualThread(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(new Task(clock.instant(), seq++, task));
    }

    @Override
    public void schedule(Runnable task, Duration delay) {
        tasks.add(new Task(clock.instant().plus(delay), seq++, task));
    }

    @Override
    public boolean isCurrent() {
        return Thread.currentThread() == owner;
    }

    /** Runs every task due by now, including ones those tasks hand over. */
    void runDue() {
        while (true) {
            Task next = tasks.stream().filter(t -> !t.due().isAfter(clock.instant()))
                    .min(Comparator.comparing(Task::due).thenComparingLong(Task::seq)).orElse(null);
            if (next == null) {
                return;
            }
            tasks.remove(next);
            next.run().run();
        }
    }

    /** Moves the clock forward and runs what fell due. */
    void advance(Duration by) {
        clock.advance(by);
        runDue();
    }
}
