package org.ovsqos.ovsdb.notation;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An OVSDB map from atoms to atoms, on the wire {@code ["map", [[<key>, <value>]*]]}
 * (RFC 7047 section 5.1), e.g. {@code external_ids} or {@code statistics}.
 *
 * <p>Immutable and insertion-ordered, so encoding is deterministic; equality ignores order, as
 * it does for any {@link Map}. The constructor copies the map it is given, unless it is another
 * OvsdbMap's; a {@link Builder} hands its pairs over without that second copy, for code that
 * builds maps by the thousand (a monitor update of a {@code statistics} column on every
 * interface). The pairs are kept compactly ({@link PairArrayMap}), since a replica holds one such
 * map per row and replaces it on every update.
 *
 * @param entries the pairs, in insertion order; never null, no null keys or values
 */
public record OvsdbMap(Map<Atom, Atom> entries) implements Value {
    private static final OvsdbMap EMPTY = new OvsdbMap(Map.of());

    /** @throws NullPointerException if {@code entries} is null or holds a null key or value */
    public OvsdbMap {
        Objects.requireNonNull(entries, "entries");
        if (!(entries instanceof PairArrayMap)) {
            // A PairArrayMap is read-only, made by a Builder that checked every pair (or another
            // OvsdbMap's): adopted as it is. Anything else is copied, and checked on the way.
            var copy = new PairArrayMap<Atom, Atom>(entries.size());
            entries.forEach((k, v) -> copy.set(Objects.requireNonNull(k, "map key"), Objects.requireNonNull(v, "map value")));
            entries = copy;
        }
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
        return builder(2).put(k1, v1).put(k2, v2).build();
    }

    /** A copy of {@code entries} in its iteration order. */
    public static OvsdbMap copyOf(Map<? extends Atom, ? extends Atom> entries) {
        Builder b = builder(entries.size());
        entries.forEach(b::put);
        return b.build();
    }

    /** A string-to-string map, as {@code external_ids}, {@code other_config} and friends are. */
    public static OvsdbMap ofStrings(Map<String, String> entries) {
        Builder b = builder(entries.size());
        entries.forEach((k, v) -> b.put(Atom.string(k), Atom.string(v)));
        return b.build();
    }

    /** A builder of a map, empty so far. */
    public static Builder builder() {
        return new Builder(new PairArrayMap<>(0));
    }

    /** A builder of a map of about {@code expectedSize} pairs, sized so it never grows up to that size. */
    public static Builder builder(int expectedSize) {
        return new Builder(new PairArrayMap<>(expectedSize));
    }

    /**
     * A builder that starts from this map's pairs, in order: for a map that differs from this one
     * in a few pairs, built with one copy. This map is unchanged.
     */
    public Builder toBuilder() {
        PairArrayMap<Atom, Atom> copy = new PairArrayMap<>(entries.size());
        entries.forEach(copy::set); // forEach reaches the pairs without the read-only view's per-entry wrappers
        return new Builder(copy);
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
        return toBuilder().put(key, value).build();
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

    /**
     * Collects the pairs of one {@link OvsdbMap}, in insertion order, and hands them to it in
     * {@link #build()} without copying them. A builder builds once: after {@code build()}, every
     * method throws {@link IllegalStateException}. Not thread-safe.
     */
    public static final class Builder {
        private final HandOver<PairArrayMap<Atom, Atom>> entries;

        private Builder(PairArrayMap<Atom, Atom> entries) {
            this.entries = new HandOver<>("map", entries);
        }

        /**
         * Sets {@code key} to {@code value}: replaced in place if the key is present, else appended.
         *
         * @throws NullPointerException if {@code key} or {@code value} is null
         */
        public Builder put(Atom key, Atom value) {
            entries.get().set(Objects.requireNonNull(key, "map key"), Objects.requireNonNull(value, "map value"));
            return this;
        }

        /** Removes {@code key} and its value, if present. */
        public Builder remove(Atom key) {
            entries.get().delete(key);
            return this;
        }

        /** The value under {@code key} so far, or {@code null} when there is none. */
        public Atom get(Atom key) {
            return entries.get().get(key);
        }

        /** The number of pairs so far. */
        public int size() {
            return entries.get().size();
        }

        /** The map of the pairs put so far; this builder cannot be used afterwards. */
        public OvsdbMap build() {
            PairArrayMap<Atom, Atom> built = entries.take();
            return built.isEmpty() ? EMPTY : new OvsdbMap(built.trimmed());
        }
    }

}
