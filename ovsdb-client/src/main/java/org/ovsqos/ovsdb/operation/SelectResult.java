package org.ovsqos.ovsdb.operation;

import java.util.List;
import org.ovsqos.ovsdb.notation.Row;

/**
 * The result of a {@link Select}: {@code {"rows": [<row>*]}}, the matching rows with the selected
 * columns, in the server's order (RFC 7047 section 5.2.2).
 */
public record SelectResult(List<Row> rows) implements OperationResult {
    public SelectResult {
        rows = Args.list(rows, "rows");
    }
}
