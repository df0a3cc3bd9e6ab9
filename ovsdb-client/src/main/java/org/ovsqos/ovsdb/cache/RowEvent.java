package org.ovsqos.ovsdb.cache;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.ovsqos.ovsdb.notation.Row;

/**
 * A change to one row of the {@link TableCache}. Rows are whole: {@code _uuid} and every monitored
 * column, each in its column type's canonical shape (see
 * {@link org.ovsqos.ovsdb.schema.ColumnType}).
 */
public sealed interface RowEvent permits RowEvent.Inserted, RowEvent.Modified, RowEvent.Deleted {

    String table();

    UUID uuid();

    /** A row the cache did not hold before. */
    record Inserted(String table, UUID uuid, Row row) implements RowEvent {
        public Inserted {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(row, "row");
        }
    }

    /** A row whose content changed; never sent when nothing did. */
    record Modified(String table, UUID uuid, Row oldRow, Row newRow) implements RowEvent {
        public Modified {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(oldRow, "oldRow");
            Objects.requireNonNull(newRow, "newRow");
        }

        /** The columns whose value differs between the two rows, in the new row's column order. */
        public Set<String> changedColumns() {
            var changed = new LinkedHashSet<String>();
            newRow.columns().forEach((c, v) -> {
                if (!v.equals(oldRow.get(c))) {
                    changed.add(c);
                }
            });
            for (String c : oldRow.columns().keySet()) {
                if (!newRow.has(c)) {
                    changed.add(c);
                }
            }
            return Collections.unmodifiableSet(changed);
        }
    }

    /** A row the cache no longer holds; {@code oldRow} is its last content. */
    record Deleted(String table, UUID uuid, Row oldRow) implements RowEvent {
        public Deleted {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(oldRow, "oldRow");
        }
    }
}
