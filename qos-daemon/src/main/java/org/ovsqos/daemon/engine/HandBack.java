package org.ovsqos.daemon.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.policy.Limit;
import org.ovsqos.core.policy.TierPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interfaces a reload stopped managing (excluded, or no longer matched), each owed one write of
 * its base limit so that no penalty rate is left in OVSDB for good. Once that write is committed,
 * or turns out unnecessary, the interface is not ours any more: it is never written again, not
 * even to undo a drift. Confined to the governor's thread.
 */
final class HandBack {
    private static final Logger log = LoggerFactory.getLogger(Governor.class);

    private final Map<UUID, LimitWrite> owed = new HashMap<>();

    /**
     * The row leaves management. Its base is the one of the configuration that managed it (with
     * its override or {@code external_ids} plan, and the burst rule), so a guest at tier 0 sees
     * no write at all.
     *
     * @param writing whether a write to the row is in flight (it may carry a penalty rate)
     */
    void leave(InterfaceRow row, QosConfig managedBy, boolean writing, boolean dryRun) {
        Limit base = TierPolicy.limit(0, managedBy.baseKbps(row.name(), row.externalBaseMbit()), managedBy);
        boolean due = writing || !row.policedAs(base.rateKbps(), base.burstKb());
        if (due) {
            owed.put(row.uuid(), new LimitWrite(row.uuid(), row.name(), base));
        }
        log.info("iface={} event=unmanaged limit_kbps={} burst_kb={} action={}", row.name(), base.rateKbps(),
                base.burstKb(), !due ? "none" : dryRun ? "would-set-base dry_run=true" : "set-base");
    }

    /** The row is gone, or managed again (afresh): nothing is owed to it. */
    void forget(UUID uuid) {
        owed.remove(uuid);
    }

    /**
     * The writes to send now: each owed one not already on its way. Drops those whose row holds
     * the base already with nothing in flight.
     */
    List<LimitWrite> due(InterfaceRows rows, Map<UUID, Limit> inFlight) {
        owed.values().removeIf(w -> !inFlight.containsKey(w.uuid())
                && rows.get(w.uuid()).policedAs(w.limit().rateKbps(), w.limit().burstKb()));
        List<LimitWrite> due = new ArrayList<>();
        owed.values().stream().filter(w -> !w.limit().equals(inFlight.get(w.uuid()))).forEach(due::add);
        return due;
    }

    /** OVSDB committed the write (or, in a dry run, it was announced): the debt is paid. */
    void paid(LimitWrite write) {
        owed.remove(write.uuid(), write);
    }
}
