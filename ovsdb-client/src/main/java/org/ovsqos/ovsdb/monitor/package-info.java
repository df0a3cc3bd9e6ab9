/**
 * Monitors: what to watch and what comes back. {@link org.ovsqos.ovsdb.monitor.MonitorRequest}
 * (RFC 7047 section 4.1.5: columns and the initial/insert/delete/modify selection, several per
 * table), conditions on the rows ({@link org.ovsqos.ovsdb.monitor.Where}, for
 * {@code monitor_cond} and {@code monitor_cond_change} of ovsdb-server(7) sections 4.1.12 and
 * 4.1.13), and the table updates a server sends: whole rows ({@code update}, RFC 7047 section
 * 4.1.6) or diffs ({@code update2}, {@code update3}, with the last transaction id of
 * {@code monitor_cond_since}, ovsdb-server(7) section 4.1.15).
 */
package org.ovsqos.ovsdb.monitor;
