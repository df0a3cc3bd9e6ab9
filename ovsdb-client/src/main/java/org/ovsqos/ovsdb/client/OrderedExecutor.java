package org.ovsqos.ovsdb.client;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on an executor that may have many threads. A
 * replica hands it to its cache for row events and queues its sync callbacks on it too, so a
 * callback runs after every event batch queued before it, whatever executor the user gave.
 */
final class OrderedExecutor implements Executor {

    private static final Logger log = LoggerFactory.getLogger(OrderedExecutor.class);

    private final Executor delegate;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean draining;

    OrderedExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            delegate.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The owner shut its executor down: nobody is left to run these.
            synchronized (tasks) {
                log.warn("event executor rejected delivery, dropping tasks={}", tasks.size());
                tasks.clear();
                draining = false;
            }
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (tasks) {
                task = tasks.poll();
                if (task == null) {
                    draining = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("event task failed", e);
            }
        }
    }
}
