package org.ovsqos.daemon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.ovsqos.core.config.ConfigParser;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.policy.InterfaceState;
import org.ovsqos.core.policy.Limit;
import org.ovsqos.core.policy.PolicyBook;
import org.ovsqos.daemon.metrics.DaemonMetrics;
import org.ovsqos.daemon.metrics.MetricsScrape;
import org.ovsqos.daemon.testing.PrometheusText;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.cache.RowEvent;
import org.ovsqos.ovsdb.client.SessionEvent;
import org.ovsqos.ovsdb.client.SessionState;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.OvsdbMap;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.operation.OperationResult;

/**
 * The governor on a manual clock and a manual thread, with its side effects recorded: what it
 * writes, when, and in how many transactions. The same behaviour against a real ovsdb-server is
 * covered by the daemon's integration tests; these pin the event logic at its edges.
 */
class GovernorTest {
    private static final String CONFIG = """
            {"base_rate_mbit": 100, "sample_interval_sec": 1,
             "stage1_usage_fraction": 0.9, "stage1_trigger_seconds": 2, "stage1_rate_fraction": 0.5,
             "stage1_penalty_seconds": 10,
             "stage2_usage_fraction": 0.8, "stage2_trigger_seconds": 100, "stage2_rate_fraction": 0.25,
             "stage2_penalty_seconds": 100,
             "exclude_regexes": ["^kvm9"]}""";
    private static final Limit BASE = new Limit(100_000, 10_000);
    private static final Limit STAGE1 = new Limit(50_000, 5_000);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ManualThread thread = new ManualThread(clock);
    private final RecordingEffects effects = new RecordingEffects();
    /** The meters of the governor made last. */
    private DaemonMetrics metrics;
    private final Governor governor = governor(false);

    private Governor governor(boolean dryRun) {
        QosConfig config = ConfigParser.parse(CONFIG.getBytes(StandardCharsets.UTF_8)).config().orElseThrow();
        metrics = new DaemonMetrics();
        return new Governor(thread, clock, PolicyBook.empty(config), effects, metrics,
                new OvsdbLinkTracker("unix:/test/db.sock", metrics), dryRun);
    }

    private void connect(Governor g) {
        g.onSessionEvent(new SessionEvent(SessionState.CONNECTED, Optional.empty(), Optional.empty()));
    }

    @Test
    void policesANewInterfaceAtItsBaseInOneBatchWithItsNeighbours() {
        connect(governor);
        governor.onEvent(inserted(uuid(1), "kvm101.0", 0, 0, 0));
        governor.onEvent(inserted(uuid(2), "kvm102.0", 0, 0, 0));
        assertThat(effects.batches).isEmpty();

        thread.runDue();

        assertThat(effects.batches).hasSize(1);
        assertThat(effects.batches.get(0)).containsExactlyInAnyOrder(
                new LimitWrite(uuid(1), "kvm101.0", BASE), new LimitWrite(uuid(2), "kvm102.0", BASE));
    }

    @Test
    void leavesUnmatchedAndExcludedInterfacesAlone() {
        connect(governor);
        governor.onEvent(inserted(uuid(1), "eth0", 0, 0, 0));
        governor.onEvent(inserted(uuid(2), "kvm901.0", 0, 0, 0));
        governor.onEvent(inserted(uuid(3), "tap5", 0, 0, 0));
        thread.advance(Duration.ofSeconds(5));

        assertThat(effects.batches).isEmpty();
    }

    @Test
    void writesNothingForARowAlreadyPolicedAsDesired() {
        connect(governor);
        governor.onEvent(inserted(uuid(1), "kvm101.0", 0, BASE.rateKbps(), BASE.burstKb()));
        thread.advance(Duration.ofSeconds(1));

        assertThat(effects.batches).isEmpty();
    }

    @Test
    void restoresLimitsChangedBehindItsBackButNotItsOwnEcho() {
        connect(governor);
        governor.onEvent(inserted(uuid(1), "kvm101.0", 0, BASE.rateKbps(), BASE.burstKb()));
        thread.runDue();

        governor.onEvent(modified(uuid(1), "kvm101.0", 0, BASE, 0, new Limit(123, 45)));
        thread.runDue();
        assertThat(effects.batches).containsExactly(List.of(new LimitWrite(uuid(1), "kvm101.0", BASE)));

        governor.onEvent(modified(uuid(1), "kvm101.0", 0, new Limit(123, 45), 0, BASE));
        thread.advance(Duration.ofSeconds(1));
        assertThat(effects.batches).hasSize(1);
    }

    @Test
    void writesNothingWhileDisconnectedAndReconcilesOnceSynced() {
        governor.onEvent(inserted(uuid(1), "kvm101.0", 0, 0, 0));
        thread.advance(Duration.ofSeconds(1));
        assertThat(effects.batches).isEmpty();

        connect(governor);
        governor.onSynced();
        thread.runDue();

        assertThat(effects.batches).containsExactly(List.of(new LimitWrite(uuid(1), "kvm101.0", BASE)));
    }

    @Test
    void retriesAFailedTransaction() {
        connect(governor);
        effects.failNext = true;
        governor.onEvent(inserted(uuid(1), "kvm101.0", 0, 0, 0));
        thread.runDue();
        assertThat(effects.batches).hasSize(1);

        thread.advance(LimitReconciler.RETRY_AFTER);
        thread.runDue();

        assertThat(effects.batches).hasSize(2);
        assertThat(effects.batches.get(1)).containsExactly(new LimitWrite(uuid(1), "kvm101.0", BASE));
    }

    @Test
    void dryRunDecidesButNeverWrites() {
        Governor dry = governor(true);
        connect(dry);
        dry.onEvent(inserted(uuid(1), "kvm101.0", 0, 0, 0));
        thread.advance(Duration.ofSeconds(1));

        assertThat(effects.batches).isEmpty();
        assertThat(dry.desired()).containsEntry("kvm101.0", BASE);
    }

    @Test
    void escalatesASaturatingGuestAndRestoresItWhenThePenaltyEnds() {
        connect(governor);
        governor.onEvent(inserted(uuid(1), "kvm101.0", 0, BASE.rateKbps(), BASE.burstKb()));
        long rx = 0;
        int second = 0;
        // 95 Mbit/s against a 100 Mbit/s base: at or over 0.9 on every sample.
        while (governor.book().state("kvm101.0").map(s -> s.tier()).orElse(0) == 0 && second < 10) {
            long before = rx;
            rx += 95_000_000 / 8;
            clock.advance(Duration.ofMillis(500));
            governor.onEvent(modified(uuid(1), "kvm101.0", before, BASE, rx, BASE));
            clock.advance(Duration.ofMillis(500));
            governor.tick();
            thread.runDue();
            second++;
        }
        assertThat(governor.book().state("kvm101.0").orElseThrow().tier()).isEqualTo(1);
        assertThat(second).as("seconds of saturation before stage 1").isBetween(2, 4);
        assertThat(effects.batches.get(effects.batches.size() - 1))
                .containsExactly(new LimitWrite(uuid(1), "kvm101.0", STAGE1));

        // The guest goes quiet: the unchanged counter must read as 0 Mbit/s, never as its last busy rate.
        governor.onEvent(modified(uuid(1), "kvm101.0", rx, BASE, rx, STAGE1));
        for (int i = 0; i < 11; i++) {
            clock.advance(Duration.ofSeconds(1));
            governor.tick();
            thread.runDue();
        }
        assertThat(governor.book().state("kvm101.0").orElseThrow().tier()).isZero();
        assertThat(governor.book().state("kvm101.0").orElseThrow().lastMbps()).isZero();
        assertThat(effects.batches.get(effects.batches.size() - 1))
                .containsExactly(new LimitWrite(uuid(1), "kvm101.0", BASE));
        PrometheusText scrape = MetricsScrape.of(metrics);
        assertThat(scrape.value("ovsqos_transitions_total", "from", "0", "to", "1")).contains(1.0);
        assertThat(scrape.value("ovsqos_transitions_total", "from", "1", "to", "0")).contains(1.0);
        assertThat(scrape.value("ovsqos_last_tick_timestamp_seconds"))
                .contains(clock.instant().toEpochMilli() / 1000.0);
    }

    @Test
    void keepsAPenaltyWhenTheInterfaceIsRecreated() {
        driveIntoStage1();
        governor.onEvent(new RowEvent.Deleted("Interface", uuid(1), row(uuid(1), "kvm101.0", 0, STAGE1.rateKbps(), STAGE1.burstKb())));
        clock.advance(Duration.ofSeconds(1));
        governor.tick();

        governor.onEvent(inserted(uuid(7), "kvm101.0", 0, 0, 0));
        thread.runDue();

        assertThat(effects.batches.get(effects.batches.size() - 1))
                .containsExactly(new LimitWrite(uuid(7), "kvm101.0", STAGE1));
    }

    @Test
    void aDecisionReversedBeforeTheEchoOfTheFirstWriteIsStillSent() {
        driveIntoStage1(); // the stage-1 write succeeded, but its echo has not arrived yet

        governor.release("kvm101.0").join();

        assertThat(effects.batches.get(effects.batches.size() - 1))
                .containsExactly(new LimitWrite(uuid(1), "kvm101.0", BASE));
    }

    @Test
    void judgesTheRowAgainWhenTheEchoOfItsWriteNeverShows() {
        connect(governor);
        governor.onEvent(inserted(uuid(1), "kvm101.0", 0, 0, 0));
        thread.runDue();
        // Committed, but another writer's value was folded into the same update: ours never shows.
        governor.onEvent(modified(uuid(1), "kvm101.0", 0, new Limit(1, 1), 0, new Limit(123, 45)));
        thread.runDue();
        assertThat(effects.batches).hasSize(1);

        thread.advance(LimitReconciler.ECHO_WAIT);
        thread.runDue();

        assertThat(effects.batches).hasSize(2);
        assertThat(effects.batches.get(1)).containsExactly(new LimitWrite(uuid(1), "kvm101.0", BASE));
    }

    @Test
    void releaseReturnsAPenalisedGuestToItsBaseAtOnce() {
        driveIntoStage1();
        governor.onEvent(modified(uuid(1), "kvm101.0", 0, BASE, 0, STAGE1)); // the echo of the stage-1 write

        String message = governor.release("kvm101.0").join();

        assertThat(message).contains("released kvm101.0");
        assertThat(effects.batches.get(effects.batches.size() - 1))
                .containsExactly(new LimitWrite(uuid(1), "kvm101.0", BASE));
    }

    @Test
    void takesTheBaselineAtTheFirstSyncSoTheFirstTickAlreadyMeasures() {
        // As the session delivers them: the replica syncs before the session reports CONNECTED.
        governor.onEvent(inserted(uuid(1), "kvm101.0", 0, BASE.rateKbps(), BASE.burstKb()));
        governor.onSynced();
        connect(governor);
        assertThat(governor.lastTick()).as("the first sync is the first loop").isEqualTo(clock.instant());

        clock.advance(Duration.ofMillis(500));
        governor.onEvent(modified(uuid(1), "kvm101.0", 0, BASE, 50_000_000 / 8 / 2, BASE));
        clock.advance(Duration.ofMillis(500));
        governor.tick();

        assertThat(governor.book().state("kvm101.0").orElseThrow().lastMbps())
                .as("50 Mbit/s since the baseline taken at the sync").isEqualTo(50.0);
    }

    @Test
    void aCounterLeapingByNearly2To63MeasuresNothingRatherThanANegativeOrImpossibleRate() {
        governor.onEvent(inserted(uuid(1), "kvm101.0", 1_000_000_000L, BASE.rateKbps(), BASE.burstKb()));
        governor.onSynced();
        connect(governor);

        clock.advance(Duration.ofSeconds(1));
        governor.onEvent(modified(uuid(1), "kvm101.0", 1_000_000_000L, BASE, Long.MAX_VALUE, BASE));
        assertThat(governor.observations().nowMbps("kvm101.0", clock.instant())).isEmpty();
        governor.tick();

        InterfaceState state = governor.book().state("kvm101.0").orElseThrow();
        assertThat(state.lastMbps()).isZero();
        assertThat(state.tier()).isZero();
        assertThat(state.baseline().orElseThrow().rxBytes()).as("measuring starts over from the new value")
                .isEqualTo(Long.MAX_VALUE);

        clock.advance(Duration.ofSeconds(1));
        governor.onEvent(modified(uuid(1), "kvm101.0", Long.MAX_VALUE, BASE, Long.MAX_VALUE - 1, BASE));
        assertThat(governor.observations().nowMbps("kvm101.0", clock.instant())).as("a counter going down").isEmpty();
    }

    /** Drives kvm101.0 into stage 1 and leaves it there. */
    private void driveIntoStage1() {
        connect(governor);
        governor.onEvent(inserted(uuid(1), "kvm101.0", 0, BASE.rateKbps(), BASE.burstKb()));
        long rx = 0;
        for (int second = 0; second < 4; second++) {
            long before = rx;
            rx += 95_000_000 / 8;
            clock.advance(Duration.ofSeconds(1));
            governor.onEvent(modified(uuid(1), "kvm101.0", before, BASE, rx, BASE));
            governor.tick();
            thread.runDue();
        }
        assertThat(governor.book().state("kvm101.0").orElseThrow().tier()).isEqualTo(1);
    }

    // ----------------------------------------------------------------------------- rows

    private static UUID uuid(int n) {
        return new UUID(0, n);
    }

    private static RowEvent inserted(UUID uuid, String name, long rx, long rate, long burst) {
        return new RowEvent.Inserted("Interface", uuid, row(uuid, name, rx, rate, burst));
    }

    private static RowEvent modified(UUID uuid, String name, long rxBefore, Limit before, long rxAfter, Limit after) {
        return new RowEvent.Modified("Interface", uuid,
                row(uuid, name, rxBefore, before.rateKbps(), before.burstKb()),
                row(uuid, name, rxAfter, after.rateKbps(), after.burstKb()));
    }

    private static Row row(UUID uuid, String name, long rx, long rate, long burst) {
        return new Row(Map.of("_uuid", Atom.uuid(uuid), "name", Atom.string(name),
                "statistics", OvsdbMap.of(Atom.string("rx_bytes"), Atom.integer(rx)),
                "ingress_policing_rate", Atom.integer(rate),
                "ingress_policing_burst", Atom.integer(burst),
                "external_ids", OvsdbMap.empty()));
    }

    /** Records every transaction; succeeds unless told to fail the next one. */
    private static final class RecordingEffects implements Governor.Effects {
        final List<List<LimitWrite>> batches = new ArrayList<>();
        boolean failNext;

        @Override
        public CompletionStage<List<OperationResult>> write(List<LimitWrite> writes) {
            batches.add(List.copyOf(writes));
            if (failNext) {
                failNext = false;
                return CompletableFuture.failedFuture(new OvsdbConnectionException("test: connection lost"));
            }
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public void saveState(PolicyBook book) {
        }

        @Override
        public void publish(Governor governor) {
        }
    }
}
