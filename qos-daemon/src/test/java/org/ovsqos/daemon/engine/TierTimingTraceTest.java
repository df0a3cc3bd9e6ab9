package org.ovsqos.daemon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.policy.InterfaceState;
import org.ovsqos.core.policy.Limit;
import org.ovsqos.core.policy.PolicyBook;
import org.ovsqos.daemon.metrics.DaemonMetrics;
import org.ovsqos.ovsdb.cache.RowEvent;
import org.ovsqos.ovsdb.client.SessionEvent;
import org.ovsqos.ovsdb.client.SessionState;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.OvsdbMap;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.operation.OperationResult;

/**
 * The daemon's tier timing against the old script's, on a trace as a host produces it: the
 * default configuration (interval 60 s), ovs-vswitchd refreshing statistics every 5 s at a random
 * phase with each update arriving up to a second late, ticks a few milliseconds late each as a
 * fixed-delay scheduler runs them, and one guest sending at whatever it is policed at from the
 * moment the daemon starts.
 *
 * <p>The script read every counter at start, so its samples came at 60, 120, ... s. Its stage-1
 * timer started at the first sample over the threshold and finished on the sample 900 s of loop
 * time later: the 16th, at 960 s. The stage-2 timer starts at the first sample in stage 1 (the
 * 17th, 1020 s) and, with the 1700 s default, finishes on the 46th (2760 s), the very sample at
 * which stage 1's 1800 s penalty ends: escalation is checked before expiry, so stage 2 follows.
 * The same must hold for every jitter seed.
 */
class TierTimingTraceTest {
    private static final int SEEDS = 300;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final UUID ROW = new UUID(0, 1);
    private static final String IFACE = "kvm101.0";
    /** The most a tick runs late: a fixed-delay scheduler adds each tick's own run time. */
    private static final Duration MAX_TICK_DELAY = Duration.ofMillis(50);

    record Entered(int tier, int sample, Duration afterStart, Optional<Instant> penaltyUntil) {}

    @Test
    void everyJitterSeedEntersTierOneOnThe16thSampleAndTierTwoOnThe46th() {
        for (long seed = 0; seed < SEEDS; seed++) {
            Trace trace = new Trace(seed);
            trace.runTicks(50);

            assertThat(trace.firstMeasuredTick).as("seed %d: the first tick, one interval after start, measures",
                    seed).isEqualTo(1);
            assertThat(trace.entered).as("seed %d", seed).extracting(Entered::tier, Entered::sample)
                    .containsExactly(tuple(1, 16),
                            tuple(2, 46));
            Entered tier1 = trace.entered.get(0);
            Entered tier2 = trace.entered.get(1);
            assertThat(tier1.afterStart()).as("seed %d", seed)
                    .isBetween(Duration.ofSeconds(960), Duration.ofSeconds(960).plus(MAX_TICK_DELAY.multipliedBy(16)));
            assertThat(tier2.afterStart()).as("seed %d", seed)
                    .isBetween(Duration.ofSeconds(2760), Duration.ofSeconds(2760).plus(MAX_TICK_DELAY.multipliedBy(46)));
            assertThat(START.plus(tier2.afterStart())).as("seed %d: on the sample at which stage 1 ends", seed)
                    .isAfterOrEqualTo(tier1.penaltyUntil().orElseThrow())
                    .isBefore(tier1.penaltyUntil().orElseThrow().plus(QosConfig.DEFAULT_SAMPLE_INTERVAL));
        }
    }

    /** One host's trace for one seed, driven through the governor on a manual clock and thread. */
    private static final class Trace implements Governor.Effects {
        final MutableClock clock = new MutableClock(START);
        final ManualThread thread = new ManualThread(clock);
        final Random random;
        final Governor governor;
        final List<Entered> entered = new ArrayList<>();
        int firstMeasuredTick;
        /** What the guest has sent since start, at its policed rate. */
        double sentBytes;
        /** The row as OVSDB last reported it. */
        long rowRx;
        Limit rowLimit;
        Instant nextRefresh;
        Instant nextTick;
        /** Refreshed counters on their way to the daemon: value and arrival time. */
        final Deque<Map.Entry<Long, Instant>> inTransit = new ArrayDeque<>();

        Trace(long seed) {
            random = new Random(seed);
            QosConfig config = QosConfig.defaults();
            DaemonMetrics metrics = new DaemonMetrics();
            governor = new Governor(thread, clock, PolicyBook.empty(config), this, metrics,
                    new OvsdbLinkTracker("unix:/test/db.sock", metrics), false);
            rowLimit = governor.book().desiredLimit(IFACE, Optional.empty(), START).orElseThrow();
            nextRefresh = START.plusNanos((long) (random.nextDouble() * 5e9));
            nextTick = START;
            scheduleTick();

            // As the session delivers them: the replica syncs before the session reports CONNECTED.
            governor.onEvent(new RowEvent.Inserted("Interface", ROW, row(0, rowLimit)));
            governor.onSynced();
            governor.onSessionEvent(new SessionEvent(SessionState.CONNECTED, Optional.empty(), Optional.empty()));
            thread.runDue();
        }

        void runTicks(int ticks) {
            for (int k = 1; k <= ticks; k++) {
                while (next().isBefore(nextTick)) {
                    Instant at = next();
                    advanceTo(at);
                    if (!inTransit.isEmpty() && inTransit.peekFirst().getValue().equals(at)) {
                        deliver(inTransit.pollFirst().getKey());
                    } else {
                        refresh();
                    }
                }
                advanceTo(nextTick);
                tick(k);
                scheduleTick();
            }
        }

        private Instant next() {
            Instant arrival = inTransit.isEmpty() ? Instant.MAX : inTransit.peekFirst().getValue();
            return arrival.isBefore(nextRefresh) ? arrival : nextRefresh;
        }

        /** vswitchd reads the counter every 5 s; the update reaches the daemon up to 1 s later. */
        private void refresh() {
            inTransit.addLast(Map.entry((long) sentBytes, nextRefresh.plusNanos((long) (random.nextDouble() * 1e9))));
            nextRefresh = nextRefresh.plusSeconds(5);
        }

        private void deliver(long rx) {
            long before = rowRx;
            rowRx = rx;
            governor.onEvent(new RowEvent.Modified("Interface", ROW, row(before, rowLimit), row(rx, rowLimit)));
            thread.runDue();
        }

        private void tick(int k) {
            int tierBefore = tier();
            governor.tick();
            thread.runDue();
            InterfaceState state = governor.book().state(IFACE).orElseThrow();
            if (firstMeasuredTick == 0 && state.lastMbps() > 0) {
                firstMeasuredTick = k;
            }
            if (state.tier() != tierBefore && state.tier() > 0) {
                entered.add(new Entered(state.tier(), k - firstMeasuredTick + 1,
                        Duration.between(START, clock.instant()), state.penaltyUntil()));
            }
        }

        private void scheduleTick() {
            nextTick = nextTick.plus(QosConfig.DEFAULT_SAMPLE_INTERVAL)
                    .plusNanos((long) (random.nextDouble() * MAX_TICK_DELAY.toNanos()));
        }

        private int tier() {
            return governor.book().state(IFACE).map(InterfaceState::tier).orElse(0);
        }

        /** Moves time on, the guest sending at its limit all the while (kbps × 125 = bytes/s). */
        private void advanceTo(Instant at) {
            Duration d = Duration.between(clock.instant(), at);
            sentBytes += rowLimit.rateKbps() * 125.0 * d.toNanos() / 1e9;
            clock.advance(d);
            thread.runDue();
        }

        @Override
        public CompletionStage<List<OperationResult>> write(List<LimitWrite> writes) {
            for (LimitWrite w : writes) {
                // The echo of the write: from now on the guest is policed at the new limit.
                thread.execute(() -> {
                    Limit before = rowLimit;
                    rowLimit = w.limit();
                    governor.onEvent(new RowEvent.Modified("Interface", ROW, row(rowRx, before), row(rowRx, rowLimit)));
                });
            }
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public void saveState(PolicyBook book) {
        }

        @Override
        public void publish(Governor g) {
        }

        private static Row row(long rx, Limit limit) {
            return new Row(Map.of("_uuid", Atom.uuid(ROW), "name", Atom.string(IFACE),
                    "statistics", OvsdbMap.of(Atom.string("rx_bytes"), Atom.integer(rx)),
                    "ingress_policing_rate", Atom.integer(limit.rateKbps()),
                    "ingress_policing_burst", Atom.integer(limit.burstKb()),
                    "external_ids", OvsdbMap.empty()));
        }
    }
}
