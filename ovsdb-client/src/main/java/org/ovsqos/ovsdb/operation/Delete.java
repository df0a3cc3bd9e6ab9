package org.ovsqos.ovsdb.operation;

import java.util.List;
import org.ovsqos.ovsdb.notation.Condition;

/**
 * The {@code delete} operation (RFC 7047 section 5.2.5): removes every row of {@code table} that
 * matches {@code where}. Its result is a {@link CountResult}.
 */
public record Delete(String table, List<Condition> where) implements Operation {
    public Delete {
        Args.table(table);
        where = Args.list(where, "where");
    }

    @Override
    public String op() {
        return "delete";
    }
}
