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
 *
 * @param elements the elements, in insertion order; never null, no null elements
 */
public record OvsdbSet(Set<Atom> elements) implements Value {
    private static final OvsdbSet EMPTY = new OvsdbSet(Set.of());

    public OvsdbSet {
        Objects.requireNonNull(elements, "elements");
        var copy = new LinkedHashSet<Atom>(elements.size() * 2);
        for (Atom a : elements) {
            copy.add(Objects.requireNonNull(a, "set element"));
        }
        elements = Collections.unmodifiableSet(copy);
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
        var set = new LinkedHashSet<Atom>(elements.length * 2);
        for (Atom a : elements) {
            if (!set.add(Objects.requireNonNull(a, "set element"))) {
                throw new IllegalArgumentException("duplicate set element: " + a);
            }
        }
        return new OvsdbSet(set);
    }

    /** A set of the given atoms in iteration order; duplicates collapse, as in {@link Set#copyOf}. */
    public static OvsdbSet copyOf(Collection<? extends Atom> elements) {
        return new OvsdbSet(new LinkedHashSet<>(elements));
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
}
