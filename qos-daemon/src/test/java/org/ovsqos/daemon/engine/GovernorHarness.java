package org.ovsqos.daemon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.daemon.engine.Rows.inserted;
import static org.ovsqos.daemon.engine.Rows.modified;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.ovsqos.core.config.ConfigParser;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.policy.Limit;
import org.ovsqos.core.policy.PolicyBook;
import org.ovsqos.daemon.metrics.DaemonMetrics;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.client.SessionEvent;
import org.ovsqos.ovsdb.client.SessionState;

/**
 * One governor on a manual clock and thread, its effects recorded, and the moves tests make with
 * it: a 100 Mbit/s base, stage 1 at half of it after 2 s of saturation, for 10 s.
 */
final class GovernorHarness {
    static final String CONFIG = """
            {"base_rate_mbit": 100, "sample_interval_sec": 1,
             "stage1_usage_fraction": 0.9, "stage1_trigger_seconds": 2, "stage1_rate_fraction": 0.5,
             "stage1_penalty_seconds": 10,
             "stage2_usage_fraction": 0.8, "stage2_trigger_seconds": 100, "stage2_rate_fraction": 0.25,
             "stage2_penalty_seconds": 100%s}""";
    static final Limit BASE = new Limit(100_000, 10_000);
    static final Limit STAGE1 = new Limit(50_000, 5_000);

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final ManualThread thread = new ManualThread(clock);
    final HeldEffects effects = new HeldEffects();
    final Governor governor;

    GovernorHarness(boolean dryRun) {
        DaemonMetrics metrics = new DaemonMetrics();
        governor = new Governor(thread, clock, PolicyBook.empty(config("")), effects, metrics,
                new OvsdbLinkTracker("unix:/test/db.sock", metrics), dryRun);
    }

    /** The config with extra keys, e.g. {@code , "exclude_regexes": ["^kvm101\\\\."]}. */
    static QosConfig config(String extraKeys) {
        return ConfigParser.parse(CONFIG.formatted(extraKeys).getBytes(StandardCharsets.UTF_8)).config().orElseThrow();
    }

    void connect() {
        governor.onSessionEvent(new SessionEvent(SessionState.CONNECTED, Optional.empty(), Optional.empty()));
        governor.onSynced();
    }

    void disconnect() {
        governor.onSessionEvent(new SessionEvent(SessionState.DISCONNECTED,
                Optional.of(new OvsdbConnectionException("test: ovsdb-server stopped")), Optional.of(Duration.ofSeconds(1))));
    }

    /** Saturates the interface (policed at BASE) until it is in stage 1, and delivers the echo of that write. */
    void driveIntoStage1(UUID uuid, String name) {
        governor.onEvent(inserted(uuid, name, 0, BASE));
        long rx = 0;
        for (int second = 0; second < 4; second++) {
            long before = rx;
            rx += 95_000_000 / 8;
            clock.advance(Duration.ofSeconds(1));
            governor.onEvent(modified(uuid, name, before, BASE, rx, BASE));
            governor.tick();
            thread.runDue();
        }
        assertThat(governor.book().state(name).orElseThrow().tier()).isEqualTo(1);
        assertThat(effects.lastBatch()).containsExactly(new LimitWrite(uuid, name, STAGE1));
        governor.onEvent(modified(uuid, name, rx, BASE, rx, STAGE1));
        thread.runDue();
    }
}
