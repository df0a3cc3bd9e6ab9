package org.ovsqos.daemon.engine;

import java.util.concurrent.CompletableFuture;
import org.ovsqos.core.policy.Limit;
import org.ovsqos.daemon.admin.CommandPendingException;
import org.ovsqos.daemon.admin.OvsdbLink;

/**
 * The answer to {@code ovs-qos release} for a present interface: given once OVSDB has committed
 * its base limit, not when the write was sent, so an operator is never told of a write that did
 * not happen. When the write cannot be confirmed now the answer says plainly that it is pending,
 * and why.
 */
final class ReleaseReply {
    private ReleaseReply() {}

    /**
     * @param row     the interface's row, or {@code null} when it is absent
     * @param sending the limit in flight to the row, or {@code null}
     * @param write   the last write sent to the row, or {@code null}
     */
    static CompletableFuture<String> of(String name, Limit limit, InterfaceRow row, Limit sending, SentWrite write,
            boolean dryRun, OvsdbLink link) {
        String done = "released " + name + ": back to stage 0 at " + limit.rateKbps() + " kbps";
        String pending = "released " + name + " in the daemon (stage 0 at " + limit.rateKbps()
                + " kbps), but the write is pending: ";
        if (row == null) {
            return CompletableFuture.completedFuture(done + " once the interface reappears");
        }
        if (sending == null && row.policedAs(limit.rateKbps(), limit.burstKb())) {
            return CompletableFuture.completedFuture(done); // held already: nothing was left to write
        }
        if (dryRun) {
            return pending(pending + "dry run, OVSDB is never written");
        }
        if (limit.equals(sending) && write != null && write.limit().equals(limit)) {
            return write.confirm(done, pending);
        }
        return pending(pending + switch (link.state()) {
            case CONNECTED -> "the last write to OVSDB failed and is retried";
            case CONNECTING, DISCONNECTED, UNRESPONSIVE -> "OVSDB is " + link.state().jsonName() + " (" + link.endpoint()
                    + "); it is written once OVSDB is back";
        });
    }

    private static CompletableFuture<String> pending(String message) {
        return CompletableFuture.failedFuture(new CommandPendingException(message));
    }
}
