package org.ovsqos.ovsdb.notation;

/**
 * What a value's builder fills, handed over once to the value it builds: after {@link #take}
 * nobody else holds it, which is what lets the value adopt it instead of copying it.
 */
final class HandOver<T> {
    private final String what;
    private T contents;

    /** @param what the value being built, for the message of a second use ("map", "set", "row") */
    HandOver(String what, T contents) {
        this.what = what;
        this.contents = contents;
    }

    /** The contents, to fill. @throws IllegalStateException once they were taken */
    T get() {
        if (contents == null) {
            throw new IllegalStateException("this builder has built its " + what + " already");
        }
        return contents;
    }

    /** The contents, for the value built; this builder cannot be used afterwards. */
    T take() {
        T taken = get();
        contents = null;
        return taken;
    }
}
