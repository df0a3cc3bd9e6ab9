package org.ovsqos.ovsdb.notation;

/** Initial capacities for the hash maps and sets behind values, so building one never rehashes. */
final class Capacity {
    private Capacity() {
    }

    /** The capacity a {@code HashMap} or {@code HashSet} needs to take {@code expectedSize} without growing. */
    static int forSize(int expectedSize) {
        if (expectedSize < 0) {
            throw new IllegalArgumentException("expected size is negative: " + expectedSize);
        }
        // The default load factor is 0.75: a table of capacity c grows past 0.75 c entries.
        return (int) Math.min((expectedSize * 4L + 2) / 3, Integer.MAX_VALUE);
    }
}
