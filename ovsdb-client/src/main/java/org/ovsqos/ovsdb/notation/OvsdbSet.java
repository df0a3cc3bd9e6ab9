package org.ovsqos.ovsdb.notation;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An OVSDB set of atoms, on the wire {@code ["set", [<atom>*]]} (RFC 7047 section 5.1).
 *
 * <p>Immutable and insertion-ordered, so encoding is deterministic; equality ignores order, as
 * it does for any {@link Set}. The RFC lets a one-element set travel as the bare atom: a decoder
 * without a schema sees that as an {@link Atom}, and the schema layer turns it back into a set.
 * The constructor copies the set it is given; a {@link Builder} hands its elements over without
 * that second copy.
 *
 * @param elements the elements, in insertion order; never null, no null elements
 */
public record OvsdbSet(Set<Atom> elements) implements Value {
    private static final OvsdbSet EMPTY = new OvsdbSet(Set.of());

    /** @throws NullPointerException if {@code elements} is null or holds null */
    public OvsdbSet {
        Objects.requireNonNull(elements, "elements");
        if (elements instanceof Owned owned) {
            // Made by a Builder, which checked every element and let go of the set in build().
            elements = Collections.unmodifiableSet(owned);
        } else {
            var copy = new LinkedHashSet<Atom>(Capacity.forSize(elements.size()));
            for (Atom a : elements) {
                copy.add(Objects.requireNonNull(a, "set element"));
            }
            elements = Collections.unmodifiableSet(copy);
        }
    }

    /** The empty set, as OVSDB writes an optional column that has no value. */
    public static OvsdbSet empty() {
        return EMPTY;
    }

    /**
     * A set of the given atoms in this order.
     *
     * @throws IllegalArgumentException on a duplicate element, as {@link Set#of} does: OVSDB sets
     *     have none, and a duplicate here is almost surely a bug in the caller
     */
    public static OvsdbSet of(Atom... elements) {
        Builder b = builder(elements.length);
        for (Atom a : elements) {
            if (b.contains(Objects.requireNonNull(a, "set element"))) {
                throw new IllegalArgumentException("duplicate set element: " + a);
            }
            b.add(a);
        }
        return b.build();
    }

    /** A set of the given atoms in iteration order; duplicates collapse, as in {@link Set#copyOf}. */
    public static OvsdbSet copyOf(Collection<? extends Atom> elements) {
        Builder b = builder(elements.size());
        for (Atom a : elements) {
            b.add(a);
        }
        return b.build();
    }

    /** A builder of a set, empty so far. */
    public static Builder builder() {
        return new Builder(new Owned(Capacity.forSize(0)));
    }

    /** A builder of a set of about {@code expectedSize} elements, sized so it never grows up to that size. */
    public static Builder builder(int expectedSize) {
        return new Builder(new Owned(Capacity.forSize(expectedSize)));
    }

    /**
     * A builder that starts from this set's elements, in order: for a set that differs from this
     * one in a few elements, built with one copy. This set is unchanged.
     */
    public Builder toBuilder() {
        Owned copy = new Owned(Capacity.forSize(elements.size()));
        copy.addAll(elements);
        return new Builder(copy);
    }

    /** A set of string atoms, e.g. for a {@code set of string} column. */
    public static OvsdbSet ofStrings(String... values) {
        return of(Arrays.stream(values).map(Atom::string).toArray(Atom[]::new));
    }

    public int size() {
        return elements.size();
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    public boolean contains(Atom atom) {
        return elements.contains(atom);
    }

    @Override
    public String toString() {
        return elements.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * Collects the elements of one {@link OvsdbSet}, in insertion order, and hands them to it in
     * {@link #build()} without copying them. Adding an element already present changes nothing.
     * A builder builds once: after {@code build()}, every method throws
     * {@link IllegalStateException}. Not thread-safe.
     */
    public static final class Builder {
        private final HandOver<Owned> elements;

        private Builder(Owned elements) {
            this.elements = new HandOver<>("set", elements);
        }

        /**
         * Adds {@code element} at the end, unless it is present.
         *
         * @throws NullPointerException if {@code element} is null
         */
        public Builder add(Atom element) {
            elements.get().add(Objects.requireNonNull(element, "set element"));
            return this;
        }

        /** Removes {@code element}, if present. */
        public Builder remove(Atom element) {
            elements.get().remove(element);
            return this;
        }

        /** Whether {@code element} was added and not removed since. */
        public boolean contains(Atom element) {
            return elements.get().contains(element);
        }

        /** The number of elements so far. */
        public int size() {
            return elements.get().size();
        }

        /** The set of the elements added so far; this builder cannot be used afterwards. */
        public OvsdbSet build() {
            Owned built = elements.take();
            return built.isEmpty() ? EMPTY : new OvsdbSet(built);
        }
    }

    /** The only set the constructor adopts instead of copying: a builder's, which nobody else can reach. */
    private static final class Owned extends LinkedHashSet<Atom> {
        Owned(int capacity) {
            super(capacity);
        }
    }
}
