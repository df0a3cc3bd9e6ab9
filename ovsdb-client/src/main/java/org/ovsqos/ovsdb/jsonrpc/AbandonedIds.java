package org.ovsqos.ovsdb.jsonrpc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ids of calls the client gave up on (timed out or cancelled), so that their late responses are
 * dropped quietly instead of being counted as protocol anomalies. Bounded: a server that never
 * answers must not make this grow without limit; an id evicted from here whose response arrives
 * even later is merely counted as an anomaly.
 */
final class AbandonedIds {

    private final Map<Long, Boolean> ids;

    AbandonedIds(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void add(long id) {
        ids.put(id, Boolean.TRUE);
    }

    /** Forgets {@code id}; true if it was there (a response can be late only once). */
    synchronized boolean remove(long id) {
        return ids.remove(id) != null;
    }
}
