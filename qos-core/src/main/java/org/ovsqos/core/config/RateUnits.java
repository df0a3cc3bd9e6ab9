package org.ovsqos.core.config;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Units and bounds of rates: the file speaks Mbit/s, OVSDB speaks kbps (1000 bit/s). */
final class RateUnits {
    /** Smallest base rate: 1 kbps. Anything smaller would police at 0, which OVS reads as "off". */
    static final BigDecimal MIN_MBIT = new BigDecimal("0.001");
    /** Largest base rate: OVS hands the rate to the kernel as a 32-bit kbps value. */
    static final BigDecimal MAX_MBIT = new BigDecimal("4294967");
    static final long MAX_KBPS = QosConfig.MAX_BASE_KBPS;

    private RateUnits() {}

    static boolean mbitInRange(BigDecimal mbit) {
        return mbit.compareTo(MIN_MBIT) >= 0 && mbit.compareTo(MAX_MBIT) <= 0;
    }

    /** {@code floor(mbit × 1000)}, as the old script's {@code int(mbit * 1000)}; mbit in range. */
    static long kbpsFromMbit(BigDecimal mbit) {
        return mbit.movePointRight(3).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    static void requireKbps(String name, long kbps) {
        if (kbps < 1 || kbps > MAX_KBPS) {
            throw new IllegalArgumentException(
                    name + " must be in [1, " + MAX_KBPS + "] kbps, got " + kbps);
        }
    }

    static String mbitRangeText() {
        return "between " + MIN_MBIT.toPlainString() + " and " + MAX_MBIT.toPlainString();
    }
}
