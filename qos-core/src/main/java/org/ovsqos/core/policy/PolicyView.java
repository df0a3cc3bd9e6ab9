package org.ovsqos.core.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@code ovs-qos list}.
 *
 * @param iface the interface name
 * @param stage its tier, 0 = base rate
 * @param limitKbps the rate it is (or, when absent, will be) policed at
 * @param burstKb the burst that goes with it
 * @param baseKbps its base rate, as last known
 * @param penaltyUntil when its penalty ends, if penalised
 * @param lastMbps the rate measured by its latest sample
 * @param present whether the interface exists now; an absent one is listed while it owes a penalty
 */
public record PolicyView(
        String iface,
        int stage,
        long limitKbps,
        long burstKb,
        long baseKbps,
        Optional<Instant> penaltyUntil,
        double lastMbps,
        boolean present) {

    public PolicyView {
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(penaltyUntil, "penaltyUntil");
    }
}
