package org.ovsqos.core.config;

import java.util.List;

/** The configuration file's keys, in the order of the reference (docs/configuration.md). */
final class Keys {
    static final String BASE_RATE_MBIT = "base_rate_mbit";
    static final String IFACE_NAME_REGEXES = "iface_name_regexes";
    static final String SAMPLE_INTERVAL_SEC = "sample_interval_sec";
    static final String TIERS = "tiers";
    static final String BASE_RATE_OVERRIDES = "base_rate_overrides";
    static final String EXCLUDE_REGEXES = "exclude_regexes";
    static final String BURST_FRACTION = "burst_fraction";
    static final String BURST_MIN_KB = "burst_min_kb";
    static final String DRY_RUN = "dry_run";
    static final String STATE_PATH = "state_path";
    static final String METRICS_LISTEN = "metrics_listen";
    static final String LOG_LEVEL = "log_level";

    /** Fields of one {@code tiers} entry; also the suffixes of the {@code stageN_} keys. */
    static final String USAGE_FRACTION = "usage_fraction";
    static final String TRIGGER_SECONDS = "trigger_seconds";
    static final String RATE_FRACTION = "rate_fraction";
    static final String PENALTY_SECONDS = "penalty_seconds";
    static final List<String> TIER_FIELDS =
            List.of(USAGE_FRACTION, TRIGGER_SECONDS, RATE_FRACTION, PENALTY_SECONDS);

    /** Fields of one {@code base_rate_overrides} entry. */
    static final String REGEX = "regex";

    /** The old script's two tiers as flat keys. */
    static final int STAGE_KEY_TIERS = 2;

    static final List<String> ALL = List.of(
            BASE_RATE_MBIT, IFACE_NAME_REGEXES, SAMPLE_INTERVAL_SEC,
            stage(1, USAGE_FRACTION), stage(1, TRIGGER_SECONDS),
            stage(1, RATE_FRACTION), stage(1, PENALTY_SECONDS),
            stage(2, USAGE_FRACTION), stage(2, TRIGGER_SECONDS),
            stage(2, RATE_FRACTION), stage(2, PENALTY_SECONDS),
            TIERS, BASE_RATE_OVERRIDES, EXCLUDE_REGEXES, BURST_FRACTION, BURST_MIN_KB,
            DRY_RUN, STATE_PATH, METRICS_LISTEN, LOG_LEVEL);

    private Keys() {}

    static String stage(int n, String field) {
        return "stage" + n + "_" + field;
    }
}
