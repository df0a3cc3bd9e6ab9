package org.ovsqos.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.ovsqos.ovsdb.monitor.MonitorUpdate;

/**
 * Receives the updates of the monitors made with {@link OvsdbClient#monitor},
 * {@link OvsdbClient#monitorCond} and {@link OvsdbClient#monitorCondSince}: the {@code update}
 * notification (RFC 7047 section 4.1.6) and Open vSwitch's {@code update2} and {@code update3}
 * (ovsdb-server(7) sections 4.1.14 and 4.1.16), parsed, tagged with the monitor's id. A
 * {@link Replica}'s own monitors never reach it.
 *
 * <p>Called on the session's I/O thread, in the order the server sent the notifications, which is
 * also their order relative to the replies of calls: hand work elsewhere instead of blocking.
 */
@FunctionalInterface
public interface MonitorListener {

    /** One transaction's changes to the rows monitor {@code update.monitorId()} covers. */
    void onUpdate(MonitorUpdate update);

    /**
     * The server cancelled the monitor by itself ({@code monitor_canceled}, ovsdb-server(7)
     * section 4.1.7: the database was removed or its schema converted). Sent only to a client
     * that called {@link OvsdbClient#setDbChangeAware}; others are disconnected instead.
     */
    default void onCanceled(JsonNode monitorId) {
    }
}
