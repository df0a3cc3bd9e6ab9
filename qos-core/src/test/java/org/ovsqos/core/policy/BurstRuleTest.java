package org.ovsqos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ovsqos.core.config.QosConfig;

/**
 * Rule 5 as the old script's documentation states it (its code used a bare 10 %): burst =
 * max(10 % of the rate, 2000 kb), never more than one second of the rate, and never 0.
 */
class BurstRuleTest {

    @ParameterizedTest(name = "rate {0} kbps, fraction {1}, min {2} kb -> burst {3} kb")
    @CsvSource({
            "1000000, 0.1, 2000, 100000",  // the default base: 10 %
            "900000,  0.1, 2000, 90000",   // default tier 1
            "800000,  0.1, 2000, 80000",   // default tier 2
            "20000,   0.1, 2000, 2000",    // 10 % exactly the minimum
            "20010,   0.1, 2000, 2001",    // 10 % just over the minimum, rounded down
            "19999,   0.1, 2000, 2000",    // 10 % just under: the minimum
            "10000,   0.1, 2000, 2000",
            "2001,    0.1, 2000, 2000",    // the minimum fits within one second
            "2000,    0.1, 2000, 2000",    // the minimum is exactly one second
            "1999,    0.1, 2000, 1999",    // capped at one second of the rate
            "1,       0.1, 2000, 1",
            "5,       0.1, 0,    1",       // 10 % rounds to 0; 0 would mean OVS's 8000 kb default
            "5000,    1.0, 0,    5000",    // a whole second
            "5000,    0.5, 100,  2500"})
    void burstFollowsTheDocumentedRule(long rate, double fraction, long minKb, long expected) {
        QosConfig config = QosConfig.builder().burstFraction(fraction).burstMinKb(minKb).build();
        assertThat(config.burstKb(rate)).isEqualTo(expected);
        new PolicyChecker(config).checkLimit(new Limit(rate, expected), 0, rate);
    }
}
