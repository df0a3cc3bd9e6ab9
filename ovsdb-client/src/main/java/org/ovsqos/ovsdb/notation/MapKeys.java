package org.ovsqos.ovsdb.notation;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One atom per distinct string map key, shared by every decoded map: the same few keys repeat in
 * every row ({@code statistics} holds {@code rx_bytes}, {@code tx_packets}, ... in each of
 * thousands of Interface rows), and a replica that kept a copy of each per row spent about a
 * kilobyte per interface on them. Bounded, so a peer that invents keys cannot grow it without
 * end; past the bound keys are simply not shared.
 */
final class MapKeys {
    static final int MAX_KEYS = 4096;
    private static final ConcurrentHashMap<String, StringAtom> KEYS = new ConcurrentHashMap<>();

    private MapKeys() {
    }

    /** The shared atom equal to {@code key}, or {@code key} itself. */
    static Atom canonical(Atom key) {
        if (!(key instanceof StringAtom s)) {
            return key;
        }
        StringAtom known = KEYS.get(s.value());
        if (known != null) {
            return known;
        }
        if (KEYS.size() >= MAX_KEYS) {
            return s;
        }
        known = KEYS.putIfAbsent(s.value(), s);
        return known == null ? s : known;
    }
}
