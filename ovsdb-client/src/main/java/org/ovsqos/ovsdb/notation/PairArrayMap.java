package org.ovsqos.ovsdb.notation;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The map inside an {@link OvsdbMap} and a {@link Row}: insertion-ordered, and while it is small,
 * which OVSDB's maps nearly always are (a {@code statistics} column holds about 15 pairs, a
 * monitored row a handful of columns), stored as one array of alternating keys and values.
 *
 * <p>Why not a {@link LinkedHashMap}: it spends about 40 bytes per pair on its entry objects plus
 * a hash table, where this spends 8 (two references). A monitor replaces the rows it holds on
 * every update (every interface's statistics every 5 s) and keeps the latest of each, so this is
 * most of what a replica weighs and most of what an update leaves for the garbage collector.
 * Lookups scan the array, which for a dozen keys costs about what hashing does; past
 * {@link #LARGE} pairs the map moves into a {@code LinkedHashMap} so that no lookup scans long.
 *
 * <p>Read-only through {@link Map}: every mutator throws {@link UnsupportedOperationException}.
 * Only the builders of this package fill it ({@link #set}, {@link #delete}), and they hand it to
 * the value they build and let go of it; from then on nothing changes it. Not thread-safe while
 * being filled; safe to share once built, as the values holding it publish it through a final field.
 */
final class PairArrayMap<K, V> extends AbstractMap<K, V> {
    /** The most pairs kept in the array; one more moves them into a hash map. */
    static final int LARGE = 32;
    private static final Object[] NONE = {};

    /** k0, v0, k1, v1, ...; the first {@code 2 * size} slots are used. Null once {@link #large}. */
    private Object[] pairs;
    private int size;
    /** Where the pairs are once there are more than {@link #LARGE}; null before. */
    private LinkedHashMap<K, V> large;

    /** An empty map with room for {@code expectedSize} pairs. */
    PairArrayMap(int expectedSize) {
        if (expectedSize < 0) {
            throw new IllegalArgumentException("expected size is negative: " + expectedSize);
        }
        if (expectedSize > LARGE) {
            large = new LinkedHashMap<>(Capacity.forSize(expectedSize));
        } else {
            pairs = expectedSize == 0 ? NONE : new Object[2 * expectedSize];
        }
    }

    /** Sets {@code key} to {@code value}: replaced in place if present, else appended. Neither may be null. */
    void set(K key, V value) {
        if (large != null) {
            large.put(key, value);
            return;
        }
        int at = indexOf(key);
        if (at >= 0) {
            pairs[at + 1] = value;
            return;
        }
        if (size == LARGE) {
            moveToHashMap();
            large.put(key, value);
            return;
        }
        if (2 * size == pairs.length) {
            pairs = Arrays.copyOf(pairs, 2 * Math.max(4, size + (size >> 1)));
        }
        pairs[2 * size] = key;
        pairs[2 * size + 1] = value;
        size++;
    }

    /** Removes {@code key} and its value, if present; the pairs after it keep their order. */
    void delete(Object key) {
        if (large != null) {
            large.remove(key);
            return;
        }
        int at = indexOf(key);
        if (at >= 0) {
            System.arraycopy(pairs, at + 2, pairs, at, 2 * size - at - 2);
            size--;
            pairs[2 * size] = null;
            pairs[2 * size + 1] = null;
        }
    }

    /** Gives back the array's unused slots, if any: called once the map is complete. */
    PairArrayMap<K, V> trimmed() {
        if (pairs != null && pairs.length > 2 * size) {
            pairs = size == 0 ? NONE : Arrays.copyOf(pairs, 2 * size);
        }
        return this;
    }

    private void moveToHashMap() {
        LinkedHashMap<K, V> map = new LinkedHashMap<>(Capacity.forSize(2 * size));
        forEach(map::put);
        large = map;
        pairs = null;
        size = 0;
    }

    /** The index in {@link #pairs} of {@code key}, or -1. */
    private int indexOf(Object key) {
        Object[] p = pairs;
        for (int i = 0, end = 2 * size; i < end; i += 2) {
            Object k = p[i];
            if (k == key || k.equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return large != null ? large.size() : size;
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return large != null ? large.containsKey(key) : key != null && indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        if (large != null) {
            return large.get(key);
        }
        int at = key == null ? -1 : indexOf(key);
        return at < 0 ? null : (V) pairs[at + 1];
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        if (large != null) {
            large.forEach(action);
            return;
        }
        Object[] p = pairs;
        for (int i = 0, end = 2 * size; i < end; i += 2) {
            action.accept((K) p[i], (V) p[i + 1]);
        }
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return large != null ? Collections.unmodifiableMap(large).entrySet() : new Entries();
    }

    /** As {@link Map#hashCode}: the sum of the pairs' {@code key.hashCode() ^ value.hashCode()}, without entry objects. */
    @Override
    public int hashCode() {
        int[] h = {0};
        forEach((k, v) -> h[0] += k.hashCode() ^ v.hashCode());
        return h[0];
    }

    /** As {@link Map#equals}, without entry objects: our values are never null, so an absent key and a different value look alike. */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Map<?, ?> other) || other.size() != size()) {
            return false;
        }
        if (large != null) {
            return large.equals(other);
        }
        Object[] p = pairs;
        for (int i = 0, end = 2 * size; i < end; i += 2) {
            if (!p[i + 1].equals(other.get(p[i]))) {
                return false;
            }
        }
        return true;
    }

    // AbstractMap would remove a present key through the entry iterator (which refuses) but
    // quietly do nothing for an absent one; a read-only map refuses both, as Map.of's do.

    @Override
    public V remove(Object key) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        throw new UnsupportedOperationException("read-only");
    }

    /** The pairs as entries, made as they are reached. */
    private final class Entries extends AbstractSet<Entry<K, V>> {
        @Override
        public int size() {
            return size;
        }

        @Override
        public Iterator<Entry<K, V>> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < 2 * size;
                }

                @Override
                @SuppressWarnings("unchecked")
                public Entry<K, V> next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Entry<K, V> e = new SimpleImmutableEntry<>((K) pairs[next], (V) pairs[next + 1]);
                    next += 2;
                    return e;
                }
            };
        }
    }
}
