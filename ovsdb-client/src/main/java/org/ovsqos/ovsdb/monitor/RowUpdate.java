package org.ovsqos.ovsdb.monitor;

import java.util.Objects;
import org.ovsqos.ovsdb.notation.Row;

/**
 * What happened to one row: {@code <row-update>} of an {@code update} notification (RFC 7047
 * section 4.1.6) or {@code <row-update2>} of {@code update2}/{@code update3} (ovsdb-server(7)
 * section 4.1.14). Rows carry only monitored columns and never {@code _uuid}, which is the key of
 * the enclosing {@link TableUpdate}.
 */
public sealed interface RowUpdate
        permits RowUpdate.Initial, RowUpdate.Insert, RowUpdate.Modify, RowUpdate.ModifyDiff, RowUpdate.Delete {

    /**
     * A row present when the monitor started: update2 {@code "initial"}, or {@code "new"} alone in
     * a {@code monitor} reply. An update2 row omits columns that hold their default value.
     */
    record Initial(Row row) implements RowUpdate {
        public Initial {
            Objects.requireNonNull(row, "row");
        }
    }

    /**
     * A row that appeared: update2 {@code "insert"}, or {@code "new"} alone in an {@code update}
     * notification. An update2 row omits columns that hold their default value.
     */
    record Insert(Row row) implements RowUpdate {
        public Insert {
            Objects.requireNonNull(row, "row");
        }
    }

    /**
     * A changed row in an {@code update} notification (RFC 7047 section 4.1.6).
     *
     * @param old the previous values of the columns that changed, and only those
     * @param row every monitored column after the change
     */
    record Modify(Row old, Row row) implements RowUpdate {
        public Modify {
            Objects.requireNonNull(old, "old");
            Objects.requireNonNull(row, "row");
        }
    }

    /**
     * A changed row in {@code update2}/{@code update3}: only the changed columns, each as a diff
     * (ovsdb-server(7) section 4.1.14). For a column that holds at most one element the diff is
     * the new value; for a set it is the elements to add or remove; for a map it is the pairs to
     * add, to remove (same key and value) or to replace (same key, new value).
     */
    record ModifyDiff(Row diff) implements RowUpdate {
        public ModifyDiff {
            Objects.requireNonNull(diff, "diff");
        }
    }

    /**
     * A row that vanished. {@code old} is every monitored column in an {@code update}
     * notification, and empty in update2, which sends {@code "delete": null}.
     */
    record Delete(Row old) implements RowUpdate {
        public Delete {
            Objects.requireNonNull(old, "old");
        }

        /** The update2 form, which carries no columns. */
        public static Delete withoutColumns() {
            return new Delete(Row.empty());
        }
    }
}
