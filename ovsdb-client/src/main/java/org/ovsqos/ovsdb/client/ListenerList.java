package org.ovsqos.ovsdb.client;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.ovsqos.ovsdb.Registration;
import org.slf4j.Logger;

/**
 * Listeners added and removed from any thread, called in the order they were added. A listener
 * that throws is logged and the others still run: one bad listener must not stop the connection.
 */
final class ListenerList<T> {

    private final List<Entry<T>> entries = new CopyOnWriteArrayList<>();

    Registration add(T listener) {
        // Wrapped, so that adding one listener twice gives two independent registrations.
        Entry<T> entry = new Entry<>(Objects.requireNonNull(listener, "listener"));
        entries.add(entry);
        return () -> entries.remove(entry);
    }

    void forEach(Consumer<? super T> action, Logger log, String what) {
        for (Entry<T> entry : entries) {
            try {
                action.accept(entry.listener);
            } catch (RuntimeException e) {
                log.warn("{} listener failed", what, e);
            }
        }
    }

    List<T> snapshot() {
        return entries.stream().map(e -> e.listener).toList();
    }

    /** Identity, not equality: removal takes out exactly the registration it was made for. */
    private static final class Entry<T> {
        final T listener;

        Entry(T listener) {
            this.listener = listener;
        }
    }
}
