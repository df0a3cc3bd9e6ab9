package org.ovsqos.core.policy;

import java.time.Duration;
import java.util.List;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.config.Tier;

/** Configurations the example tests share. */
final class Configs {
    static final QosConfig DEFAULTS = QosConfig.defaults();

    /**
     * The old script's README table: its stage-2 trigger (1800 s) cannot finish inside its
     * stage-1 penalty (1800 s), so stage 2 is never reached.
     */
    static final QosConfig SEED_README = tiers(
            tier(0.9, 900, 0.9, 1800),
            tier(0.8, 1800, 0.8, 3600));

    /** A stage-1 penalty long enough for a 1800 s stage-2 trigger to be reached. */
    static final QosConfig REACHABLE = tiers(
            tier(0.9, 900, 0.9, 3600),
            tier(0.8, 1800, 0.8, 3600));

    private Configs() {}

    static Tier tier(double usage, double triggerSeconds, double rate, double penaltySeconds) {
        return new Tier(usage, seconds(triggerSeconds), rate, seconds(penaltySeconds));
    }

    static QosConfig tiers(Tier... tiers) {
        return QosConfig.builder().tiers(List.of(tiers)).build();
    }

    static Duration seconds(double s) {
        return Duration.between(Traffic.T0, Traffic.at(s));
    }
}
