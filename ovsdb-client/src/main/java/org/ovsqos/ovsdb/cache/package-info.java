/**
 * A replica of monitored tables: {@link org.ovsqos.ovsdb.cache.TableCache} applies the table
 * updates of a monitor (RFC 7047 sections 4.1.5 and 4.1.6; the {@code update2} and
 * {@code update3} forms of ovsdb-server(7)) and turns them into ordered
 * {@link org.ovsqos.ovsdb.cache.RowEvent}s (insert; modify with the old and the new row; delete),
 * delivered on one executor. Readers on other threads see whole updates only, through
 * immutable snapshots.
 */
package org.ovsqos.ovsdb.cache;
