package org.ovsqos.ovsdb.operation;

import java.util.List;
import java.util.Objects;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.Row;

/**
 * The {@code update} operation (RFC 7047 section 5.2.3): sets the columns of {@code row} in every
 * row of {@code table} that matches {@code where}. Its result is a {@link CountResult}.
 *
 * <p>{@code row} may not name {@code _uuid} or {@code _version}, which no client can write.
 */
public record Update(String table, List<Condition> where, Row row) implements Operation {
    public Update {
        Args.table(table);
        where = Args.list(where, "where");
        Objects.requireNonNull(row, "row");
        if (row.has(Row.UUID_COLUMN) || row.has(Row.VERSION_COLUMN)) {
            throw new IllegalArgumentException("update may not set _uuid or _version (table " + table + ")");
        }
    }

    @Override
    public String op() {
        return "update";
    }
}
