package org.ovsqos.core.config;

import java.math.BigDecimal;

/** An interval of allowed numbers, and the words that explain it in a problem message. */
record Range(BigDecimal min, boolean minInclusive, BigDecimal max, boolean maxInclusive) {

    static final Range FRACTION = new Range(BigDecimal.ZERO, false, BigDecimal.ONE, true);
    static final Range BASE_MBIT = new Range(RateUnits.MIN_MBIT, true, RateUnits.MAX_MBIT, true);
    static final Range TIER_SECONDS = new Range(BigDecimal.ZERO, false,
            Values.secondsDecimal(QosConfig.MAX_TIER_DURATION), true);
    static final Range INTERVAL_SECONDS = new Range(
            Values.secondsDecimal(QosConfig.MIN_SAMPLE_INTERVAL), true,
            Values.secondsDecimal(QosConfig.MAX_SAMPLE_INTERVAL), true);
    static final Range BURST_MIN_KB = new Range(BigDecimal.ZERO, true,
            BigDecimal.valueOf(QosConfig.MAX_BURST_MIN_KB), true);

    boolean contains(BigDecimal value) {
        int lo = value.compareTo(min);
        int hi = value.compareTo(max);
        return (minInclusive ? lo >= 0 : lo > 0) && (maxInclusive ? hi <= 0 : hi < 0);
    }

    String describe() {
        return (minInclusive ? "at least " : "greater than ") + Values.plain(min)
                + (maxInclusive ? " and at most " : " and less than ") + Values.plain(max);
    }
}
