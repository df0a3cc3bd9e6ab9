package org.ovsqos.core.state;

/** The state file's field names, shared by the writer and the readers. */
final class StateFields {
    static final String VERSION = "version";
    static final String INTERFACES = "interfaces";
    static final String STAGE = "stage";
    static final String PENALTY_UNTIL = "penalty_until";
    static final String OVER_SINCE = "over_since";
    static final String LAST_RX_BYTES = "last_rx_bytes";
    static final String LAST_OBSERVED_AT = "last_observed_at";
    static final String LAST_MBPS = "last_mbps";
    static final String BASE_KBPS = "base_kbps";

    /** The old script's per-interface fields (its file had no version). */
    static final String OLD_STAGE_UNTIL = "stage_until";
    static final String OLD_COND1_START = "cond1_start";
    static final String OLD_COND2_START = "cond2_start";
    static final String OLD_LAST_TS = "last_ts";

    /** No configuration has anywhere near this many tiers; a bigger stage is damage. */
    static final int MAX_STAGE = 1000;

    private StateFields() {}
}
