package org.ovsqos.core.policy;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the state file keeps of one interface: enough to carry penalties, timers and the rate
 * baseline across a daemon restart.
 *
 * @param iface the interface name, never empty
 * @param state the policy state
 * @param baseKbps the base rate last used, shown for absent interfaces; recomputed when present
 */
public record StateRecord(String iface, InterfaceState state, OptionalLong baseKbps) {

    public StateRecord {
        Objects.requireNonNull(iface, "iface");
        if (iface.isEmpty()) {
            throw new IllegalArgumentException("iface must not be empty");
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(baseKbps, "baseKbps");
        if (baseKbps.isPresent() && baseKbps.getAsLong() < 1) {
            throw new IllegalArgumentException("baseKbps must be positive, got " + baseKbps);
        }
    }
}
