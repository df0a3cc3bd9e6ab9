package org.ovsqos.ovsdb.cache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands batches of row events to the listeners, in order, one call at a time, on the owner's
 * executor. The cache calls {@link #dispatch} under its writer lock, so the order of batches on the
 * serial queue is the order in which updates were applied.
 */
final class EventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final SerialExecutor executor;
    private final List<CacheRegistration> registrations = new CopyOnWriteArrayList<>();

    EventDispatcher(Executor executor) {
        this.executor = new SerialExecutor(executor);
    }

    /** Runs {@code task} on the event executor after every batch dispatched so far. */
    void execute(Runnable task) {
        executor.execute(task);
    }

    void add(CacheRegistration registration) {
        registrations.add(registration);
    }

    void remove(CacheRegistration registration) {
        registrations.remove(registration);
    }

    /** Queues {@code batch} for the listeners registered now; one added later never sees it. */
    void dispatch(List<RowEvent> batch) {
        if (!batch.isEmpty() && !registrations.isEmpty()) {
            dispatchTo(List.copyOf(registrations), batch);
        }
    }

    void dispatchTo(List<CacheRegistration> targets, List<RowEvent> batch) {
        executor.execute(() -> deliver(targets, batch));
    }

    private static void deliver(List<CacheRegistration> targets, List<RowEvent> batch) {
        for (CacheRegistration r : targets) {
            for (RowEvent event : batch) {
                if (!r.isActive()) {
                    break;
                }
                try {
                    r.listener().onEvent(event);
                } catch (RuntimeException e) {
                    // One consumer's bug must not starve the others or stall later batches.
                    LOG.warn("row listener failed table={} row={} event={}", event.table(), event.uuid(),
                            event.getClass().getSimpleName(), e);
                }
            }
            if (r.isActive()) {
                try {
                    r.listener().afterUpdate();
                } catch (RuntimeException e) {
                    LOG.warn("row listener failed in afterUpdate", e);
                }
            }
        }
    }
}
