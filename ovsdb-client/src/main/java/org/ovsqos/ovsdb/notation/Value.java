package org.ovsqos.ovsdb.notation;

/**
 * A column value in the OVSDB notation (RFC 7047 section 5.1): an atom, a set of atoms, or a map
 * from atoms to atoms.
 *
 * <p>Values are schema-less: a value decoded without a schema may not have the shape the column's
 * type calls for (a one-element set arrives as a bare atom, an integral real as an integer). The
 * schema layer normalises such values; this package keeps exactly what was on the wire.
 */
public sealed interface Value permits Atom, OvsdbSet, OvsdbMap {
}
