package org.ovsqos.ovsdb.monitor;

/**
 * Which kinds of change a monitor reports, {@code <monitor-select>} in RFC 7047 section 4.1.5.
 * The RFC's default for each member is {@code true}.
 *
 * @param initial send the rows present when the monitor starts, in the reply
 * @param insert report rows that appear (or, for a conditional monitor, start to match)
 * @param delete report rows that vanish (or stop matching)
 * @param modify report changes to rows that exist before and after
 */
public record MonitorSelect(boolean initial, boolean insert, boolean delete, boolean modify) {
    /** Everything, the RFC default. A replica such as the table cache needs all four. */
    public static final MonitorSelect ALL = new MonitorSelect(true, true, true, true);

    /** Only changes from now on: no initial rows. */
    public static final MonitorSelect CHANGES_ONLY = new MonitorSelect(false, true, true, true);

    public boolean isAll() {
        return initial && insert && delete && modify;
    }
}
