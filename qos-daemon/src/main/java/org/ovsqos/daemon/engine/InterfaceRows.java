package org.ovsqos.daemon.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The daemon's mirror of OVSDB's {@code Interface} rows, by {@code _uuid} and by name, as the
 * replica's row events leave them. Confined to the governor's thread.
 *
 * <p>Names are not unique over time: in one update a row may be renamed and another take its old
 * name, so a name belongs to the row that took it last, and losing a row frees its name only if
 * the name was still that row's.
 */
final class InterfaceRows {
    private final Map<UUID, InterfaceRow> byUuid = new HashMap<>();
    private final Map<String, UUID> uuidByName = new HashMap<>();

    void put(InterfaceRow row) {
        byUuid.put(row.uuid(), row);
        uuidByName.put(row.name(), row.uuid());
    }

    /** Replaces a row whose name did not change. */
    void update(InterfaceRow row) {
        byUuid.put(row.uuid(), row);
    }

    /** Drops the row, returning it ({@code null} when unknown); its name is freed by {@link #freeName}. */
    InterfaceRow remove(UUID uuid) {
        return byUuid.remove(uuid);
    }

    /**
     * Frees a dropped row's name.
     *
     * @return whether the name was still the row's: only then is what is kept by name the row's
     *         to drop too
     */
    boolean freeName(InterfaceRow row) {
        return uuidByName.remove(row.name(), row.uuid());
    }

    InterfaceRow get(UUID uuid) {
        return byUuid.get(uuid);
    }

    InterfaceRow named(String name) {
        UUID uuid = uuidByName.get(name);
        return uuid == null ? null : byUuid.get(uuid);
    }

    boolean present(String name) {
        return uuidByName.containsKey(name);
    }

    Collection<InterfaceRow> all() {
        return Collections.unmodifiableCollection(byUuid.values());
    }

    int size() {
        return byUuid.size();
    }
}
