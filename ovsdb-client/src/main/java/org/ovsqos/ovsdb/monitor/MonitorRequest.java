package org.ovsqos.ovsdb.monitor;

import java.util.List;
import java.util.Objects;

/**
 * What to monitor in one table: {@code <monitor-request>} (RFC 7047 section 4.1.5) and, with a
 * {@code where}, {@code <monitor-cond-request>} (ovsdb-server(7) section 4.1.12).
 *
 * @param columns the columns to report; empty for all of them (every column but {@code _uuid},
 *     which is the row's key in every update)
 * @param select which kinds of change to report
 * @param where which rows to report; anything but {@link Where#ALL} needs {@code monitor_cond}
 *     or {@code monitor_cond_since}. Several requests of one table share its where (see
 *     {@link MonitorRequests})
 */
public record MonitorRequest(List<String> columns, MonitorSelect select, Where where) {

    public MonitorRequest {
        columns = List.copyOf(columns);
        Objects.requireNonNull(select, "select");
        Objects.requireNonNull(where, "where");
        if (columns.stream().distinct().count() != columns.size()) {
            throw new IllegalArgumentException("duplicate column in " + columns);
        }
    }

    /** Every column of every row, every kind of change. */
    public static MonitorRequest allColumns() {
        return new MonitorRequest(List.of(), MonitorSelect.ALL, Where.ALL);
    }

    /** The given columns of every row, every kind of change. */
    public static MonitorRequest columns(String... columns) {
        return new MonitorRequest(List.of(columns), MonitorSelect.ALL, Where.ALL);
    }

    public MonitorRequest withSelect(MonitorSelect newSelect) {
        return new MonitorRequest(columns, newSelect, where);
    }

    public MonitorRequest withWhere(Where newWhere) {
        return new MonitorRequest(columns, select, newWhere);
    }

    public boolean isConditional() {
        return !where.matchAll();
    }
}
