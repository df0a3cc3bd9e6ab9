package org.ovsqos.ovsdb.schema;

import java.util.Objects;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.notation.Value;

/**
 * One column of a table, {@code <column-schema>} in RFC 7047 section 3.2.
 *
 * @param name the column name
 * @param type its type
 * @param ephemeral whether the server may forget its value on restart (RFC default false)
 * @param mutable whether a transaction may change it after insert (RFC 7047 section 3.2, default
 *     true); ovsdb-server refuses an {@code update} or {@code mutate} of an immutable column with
 *     {@code "constraint violation"}. A column holding weak references is always mutable, as
 *     ovsdb-server makes it (ovsdb-server(7) section 3.2): deleting a referenced row must be able
 *     to change it.
 */
public record ColumnSchema(String name, ColumnType type, boolean ephemeral, boolean mutable) {

    public ColumnSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (isWeak(type.key()) || type.value().filter(ColumnSchema::isWeak).isPresent()) {
            mutable = true;
        }
    }

    private static boolean isWeak(BaseType base) {
        return base.isReference() && base.refType() == RefType.WEAK;
    }

    /** A persistent, mutable column. */
    public static ColumnSchema of(String name, ColumnType type) {
        return new ColumnSchema(name, type, false, true);
    }

    /**
     * {@code v} in the column's canonical shape, see {@link ColumnType#normalize}.
     *
     * @throws OvsdbProtocolException naming this column if {@code v} does not fit its type
     */
    public Value normalize(Value v) {
        try {
            return type.normalize(v);
        } catch (OvsdbProtocolException e) {
            throw new OvsdbProtocolException("column " + name + ": " + e.getMessage(), e);
        }
    }
}
