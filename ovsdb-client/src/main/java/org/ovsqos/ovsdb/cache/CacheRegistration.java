package org.ovsqos.ovsdb.cache;

import org.ovsqos.ovsdb.Registration;

/** A listener's place in a {@link TableCache}; {@link #close()} removes it. */
final class CacheRegistration implements Registration {
    private final EventDispatcher dispatcher;
    private final RowListener listener;
    private volatile boolean active = true;

    CacheRegistration(EventDispatcher dispatcher, RowListener listener) {
        this.dispatcher = dispatcher;
        this.listener = listener;
    }

    RowListener listener() {
        return listener;
    }

    boolean isActive() {
        return active;
    }

    /**
     * Stops delivery to the listener: no event reaches it after this returns, unless this is
     * called from another thread while an event is being delivered, which then completes.
     */
    @Override
    public void close() {
        active = false;
        dispatcher.remove(this);
    }
}
