package org.ovsqos.ovsdb.testing;

import java.time.Duration;
import java.util.PriorityQueue;
import org.ovsqos.ovsdb.jsonrpc.RpcScheduler;

/**
 * A scheduler whose clock moves only when a test says so: tasks run inside {@link #advance} and
 * {@link #runDue}, on the test's thread, in due-time order (ties in submission order). Tests use it
 * to fire timeouts and backoff delays without sleeping.
 */
public final class ManualScheduler implements RpcScheduler {

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long nowNanos;
    private long submitted;
    /** Tasks run on the test's thread: the one that made the scheduler. */
    private final Thread owner = Thread.currentThread();

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == owner;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(nowNanos + Math.max(0, delay.toNanos()), submitted++, task);
        queue.add(t);
        return () -> t.cancelled = true;
    }

    /** Moves the clock forward by {@code step}, running every task that falls due on the way. */
    public void advance(Duration step) {
        long target;
        synchronized (this) {
            target = nowNanos + step.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                Task head = queue.peek();
                if (head == null || head.dueNanos > target) {
                    nowNanos = target;
                    return;
                }
                next = queue.poll();
                nowNanos = Math.max(nowNanos, next.dueNanos);
            }
            if (!next.cancelled) {
                next.task.run();
            }
        }
    }

    /** Runs the tasks due now, including those they submit for now. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Time since the scheduler was made. */
    public synchronized Duration elapsed() {
        return Duration.ofNanos(nowNanos);
    }

    /** Delay until the earliest live task, if any: what a backoff test asserts on. */
    public synchronized java.util.Optional<Duration> nextDelay() {
        return queue.stream().filter(t -> !t.cancelled).mapToLong(t -> t.dueNanos).min().stream()
                .mapToObj(due -> Duration.ofNanos(due - nowNanos)).findFirst();
    }

    /** Tasks scheduled and neither run nor cancelled. */
    public synchronized long liveTasks() {
        return queue.stream().filter(t -> !t.cancelled).count();
    }

    private static final class Task implements Comparable<Task> {
        final long dueNanos;
        final long sequence;
        final Runnable task;
        volatile boolean cancelled;

        Task(long dueNanos, long sequence, Runnable task) {
            this.dueNanos = dueNanos;
            this.sequence = sequence;
            this.task = task;
        }

        @Override
        public int compareTo(Task other) {
            int byTime = Long.compare(dueNanos, other.dueNanos);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
