package org.ovsqos.core.policy;

import java.util.Optional;

/** The book's record of one managed interface. */
record Entry(InterfaceState state, boolean present, long baseKbps, Optional<String> externalBaseMbit) {

    /**
     * The interface is gone. Only its penalty matters now: when it comes back its counter and
     * clock start over, so its baseline and timer would only mislead.
     */
    Entry absent() {
        return new Entry(state.forgetMeasurement(), false, baseKbps, externalBaseMbit);
    }

    Entry with(InterfaceState newState) {
        return new Entry(newState, present, baseKbps, externalBaseMbit);
    }
}
