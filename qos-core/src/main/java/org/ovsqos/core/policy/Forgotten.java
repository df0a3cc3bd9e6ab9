package org.ovsqos.core.policy;

import java.util.Objects;

/**
 * A record the book dropped.
 *
 * @param iface the interface name
 * @param stage its tier when dropped
 * @param reason why
 */
public record Forgotten(String iface, int stage, Why reason) {

    /** Why a record was dropped. */
    public enum Why {
        /** The interface is gone and owes no penalty. */
        DISAPPEARED,
        /** The interface stayed away until its penalty ended (or a reload removed every tier). */
        PENALTY_ENDED,
        /** The configuration no longer manages the name (reload or restore). */
        UNMANAGED,
        /** An operator released an absent interface's penalty. */
        RELEASED
    }

    public Forgotten {
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(reason, "reason");
    }
}
