package org.ovsqos.core.policy;

import java.time.Duration;

/** The old script's arithmetic, in its order of operations so thresholds compare the same. */
final class RateMath {
    private RateMath() {}

    static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    /** Average Mbit/s (10^6 bit/s) of {@code bytes} over {@code elapsed}, which is positive. */
    static double mbps(long bytes, Duration elapsed) {
        return bytes * 8.0 / seconds(elapsed) / 1e6;
    }

    /** {@code mbps / base_mbit}, computed as the old script did: {@code mbps × 1000 / base_kbps}. */
    static double usage(double mbps, long baseKbps) {
        return mbps * 1000.0 / baseKbps;
    }
}
