package org.ovsqos.core.policy;

/** What a step made of its observation. Only {@link #MEASURED} yields a rate. */
public enum SampleOutcome {
    /** A rate was measured over the time since the previous observation. */
    MEASURED,
    /** No previous observation: this one starts the baseline. */
    FIRST,
    /** {@code rx_bytes} went down (counter reset, interface re-created): baseline restarted. */
    COUNTER_RESET,
    /**
     * {@code rx_bytes} grew faster than {@link Observation#MAX_PLAUSIBLE_MBPS} (a corrupted or
     * replaced counter): baseline restarted, as for a counter reset.
     */
    IMPOSSIBLE_RATE,
    /** More than twice the sample interval since the previous observation: baseline restarted. */
    STALE_GAP,
    /** Observed before the previous observation (the clock went back): baseline restarted. */
    CLOCK_WENT_BACK,
    /** Observed at the same instant as the previous observation: nothing new to measure. */
    REPEATED,
    /** No observation was given. */
    NONE
}
