package org.ovsqos.ovsdb.notation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An OVSDB map from atoms to atoms, on the wire {@code ["map", [[<key>, <value>]*]]}
 * (RFC 7047 section 5.1), e.g. {@code external_ids} or {@code statistics}.
 *
 * <p>Immutable and insertion-ordered, so encoding is deterministic; equality ignores order, as
 * it does for any {@link Map}.
 *
 * @param entries the pairs, in insertion order; never null, no null keys or values
 */
public record OvsdbMap(Map<Atom, Atom> entries) implements Value {
    private static final OvsdbMap EMPTY = new OvsdbMap(Map.of());

    public OvsdbMap {
        Objects.requireNonNull(entries, "entries");
        var copy = new LinkedHashMap<Atom, Atom>(entries.size() * 2);
        entries.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "map key"), Objects.requireNonNull(v, "map value")));
        entries = Collections.unmodifiableMap(copy);
    }

    public static OvsdbMap empty() {
        return EMPTY;
    }

    public static OvsdbMap of(Atom key, Atom value) {
        return new OvsdbMap(Map.of(key, value));
    }

    /** @throws IllegalArgumentException if the keys are equal */
    public static OvsdbMap of(Atom k1, Atom v1, Atom k2, Atom v2) {
        if (Objects.requireNonNull(k1, "map key").equals(k2)) {
            throw new IllegalArgumentException("duplicate map key: " + k2);
        }
        var m = new LinkedHashMap<Atom, Atom>();
        m.put(k1, v1);
        m.put(k2, v2);
        return new OvsdbMap(m);
    }

    /** A copy of {@code entries} in its iteration order. */
    public static OvsdbMap copyOf(Map<? extends Atom, ? extends Atom> entries) {
        return new OvsdbMap(new LinkedHashMap<>(entries));
    }

    /** A string-to-string map, as {@code external_ids}, {@code other_config} and friends are. */
    public static OvsdbMap ofStrings(Map<String, String> entries) {
        var m = new LinkedHashMap<Atom, Atom>(entries.size() * 2);
        entries.forEach((k, v) -> m.put(Atom.string(k), Atom.string(v)));
        return new OvsdbMap(m);
    }

    /** The value under {@code key}, or {@code null} when there is none. */
    public Atom get(Atom key) {
        return entries.get(key);
    }

    /** The value under the string key {@code key}, or {@code null} when there is none. */
    public Atom get(String key) {
        return entries.get(Atom.string(key));
    }

    /** A map with {@code key} set to {@code value}; this map is unchanged. */
    public OvsdbMap with(Atom key, Atom value) {
        var m = new LinkedHashMap<>(entries);
        m.put(Objects.requireNonNull(key, "map key"), Objects.requireNonNull(value, "map value"));
        return new OvsdbMap(m);
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public String toString() {
        return entries.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
