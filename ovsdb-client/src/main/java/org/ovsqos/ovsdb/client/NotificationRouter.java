package org.ovsqos.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ovsqos.ovsdb.NotificationListener;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.monitor.MonitorUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a client's notifications to whoever they are for: {@code locked} and {@code stolen} (RFC
 * 7047 sections 4.1.9, 4.1.10) to the lock listeners; the updates and {@code monitor_canceled} of
 * a replica's monitor to that replica, and those of any other monitor, parsed, to the monitor
 * listeners. Runs on the session's I/O thread, in the order the server sent them.
 */
final class NotificationRouter implements NotificationListener {

    private static final Logger log = LoggerFactory.getLogger(OvsdbClient.class);

    final ListenerList<LockListener> lockListeners = new ListenerList<>();
    final ListenerList<MonitorListener> monitorListeners = new ListenerList<>();
    final List<Replica> replicas = new CopyOnWriteArrayList<>();

    @Override
    public void onNotification(String method, JsonNode params) {
        switch (method) {
            case "locked", "stolen" -> onLockNotification(method, params);
            case "update", "update2", "update3", "monitor_canceled" -> onMonitorNotification(method, params);
            default -> log.debug("ovsdb notification={} ignored", method);
        }
    }

    private void onLockNotification(String method, JsonNode params) {
        JsonNode name = params.path(0);
        if (params.size() != 1 || !name.isTextual()) {
            log.warn("ovsdb notification={} malformed params={} action=drop", method, params);
            return;
        }
        String lockId = name.textValue();
        log.info("ovsdb lock={} event={}", lockId, method);
        lockListeners.forEach(l -> {
            if (method.equals("locked")) {
                l.locked(lockId);
            } else {
                l.stolen(lockId);
            }
        }, log, "lock");
    }

    private void onMonitorNotification(String method, JsonNode params) {
        JsonNode monitorId = params.path(0);
        for (Replica replica : replicas) {
            if (replica.owns(monitorId)) {
                replica.onNotification(method, params);
                return;
            }
        }
        if (method.equals("monitor_canceled")) {
            monitorListeners.forEach(l -> l.onCanceled(monitorId), log, "monitor");
            return;
        }
        MonitorUpdate update;
        try {
            update = Replies.update(method, params);
        } catch (OvsdbProtocolException e) {
            log.warn("ovsdb notification={} monitor={} malformed=\"{}\" action=drop", method, monitorId,
                    e.getMessage());
            return;
        }
        monitorListeners.forEach(l -> l.onUpdate(update), log, "monitor");
    }
}
