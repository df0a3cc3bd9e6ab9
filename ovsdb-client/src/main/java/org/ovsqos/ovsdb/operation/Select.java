package org.ovsqos.ovsdb.operation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ovsqos.ovsdb.notation.Condition;

/**
 * The {@code select} operation (RFC 7047 section 5.2.2): reads the rows of {@code table} that
 * match {@code where}. Its result is {@link SelectResult}.
 *
 * @param columns the columns to return; empty means every column
 */
public record Select(String table, List<Condition> where, Optional<List<String>> columns) implements Operation {
    public Select {
        Args.table(table);
        where = Args.list(where, "where");
        Objects.requireNonNull(columns, "columns");
        columns = columns.map(c -> Args.list(c, "columns"));
    }

    /** This select, returning only {@code columns}. */
    public Select withColumns(String... columns) {
        return withColumns(List.of(columns));
    }

    /** This select, returning only {@code columns}. */
    public Select withColumns(List<String> columns) {
        return new Select(table, where, Optional.of(columns));
    }

    @Override
    public String op() {
        return "select";
    }
}
