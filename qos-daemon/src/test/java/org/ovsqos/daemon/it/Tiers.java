package org.ovsqos.daemon.it;

import java.time.Duration;

/**
 * The columns the compressed config ({@link QosConfigFile#compressed()}) leads to, and the way
 * tests push a guest into its first penalty. Base 100 Mbit/s: 100000 kbps / 10000 kb; tier 1
 * (0.9) 90000 / 9000; tier 2 (0.8) 80000 / 8000.
 */
final class Tiers {
    static final Policing BASE = Policing.of(100_000, 10_000);
    static final Policing TIER1 = Policing.of(90_000, 9_000);
    static final Policing TIER2 = Policing.of(80_000, 8_000);
    /** Enough for a trigger of 2 s sampled every second, on a loaded machine. */
    static final Duration ESCALATION = Duration.ofSeconds(45);
    /** Far over every threshold of a 100 Mbit/s plan: nothing enforces it here. */
    static final double SATURATING_MBPS = 200;

    private Tiers() {}

    /**
     * Saturates the guest until its row shows tier 1, then lets it idle (so it stays there for
     * the penalty rather than going on to tier 2); returns its {@code penalty_until}.
     */
    static long penalise(OvsHost host, Bridge bridge, DaemonProcess daemon, String iface) {
        host.traffic().play(iface, SATURATING_MBPS);
        bridge.awaitPolicing(iface, TIER1, ESCALATION);
        host.traffic().idle(iface);
        return daemon.awaitStage(iface, 1, Bridge.PROMPTLY).get("penalty_until").asLong();
    }
}
