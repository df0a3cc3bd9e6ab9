package org.ovsqos.core.policy;

import java.util.Optional;

/**
 * The book's record of one managed interface.
 *
 * @param held the limit of a penalty whose tier a reload removed: it is policed at that limit
 *     until it ends. Present exactly when the state's tier is beyond the configured tiers.
 */
record Entry(InterfaceState state, boolean present, long baseKbps, Optional<String> externalBaseMbit,
        Optional<Limit> held) {

    /**
     * The interface is gone. Only its penalty matters now: when it comes back its counter and
     * clock start over, so its baseline and timer would only mislead.
     */
    Entry absent() {
        return new Entry(state.forgetMeasurement(), false, baseKbps, externalBaseMbit, held);
    }

    /** A new state; a held limit goes with the penalty it belonged to. */
    Entry with(InterfaceState newState) {
        return new Entry(newState, present, baseKbps, externalBaseMbit, heldFor(newState, held));
    }

    /** {@code held} while {@code state} is still in the tier it was held for, else nothing. */
    static Optional<Limit> heldFor(InterfaceState state, Optional<Limit> held) {
        return state.penalised() ? held : Optional.empty();
    }
}
