package org.ovsqos.daemon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.daemon.engine.Rows.row;
import static org.ovsqos.daemon.engine.Rows.uuid;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ovsqos.core.policy.Limit;
import org.ovsqos.daemon.metrics.DaemonMetrics;
import org.ovsqos.daemon.metrics.MetricsScrape;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.client.SessionEvent;
import org.ovsqos.ovsdb.client.SessionState;
import org.ovsqos.ovsdb.operation.CountResult;
import org.ovsqos.ovsdb.operation.EmptyResult;
import org.ovsqos.ovsdb.operation.OperationResult;

/**
 * The write reconciler alone, on a manual clock and thread, OVSDB's replies played by the test:
 * what it sends, when it sends again, and when it stops waiting.
 */
class LimitReconcilerTest {
    private static final Limit BASE = new Limit(100_000, 10_000);
    private static final Limit PENALTY = new Limit(50_000, 5_000);
    private static final UUID A = uuid(1);
    private static final UUID B = uuid(2);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ManualThread thread = new ManualThread(clock);
    private final HeldEffects ovsdb = new HeldEffects();
    private final DaemonMetrics metrics = new DaemonMetrics();
    private final OvsdbLinkTracker link = new OvsdbLinkTracker("unix:/test/db.sock", metrics);
    private final InterfaceRows rows = new InterfaceRows();
    private boolean dryRun;
    private final LimitReconciler limits = new LimitReconciler(thread, rows, ovsdb::write, metrics, link,
            () -> dryRun);

    LimitReconcilerTest() {
        link.onEvent(new SessionEvent(SessionState.CONNECTED, Optional.empty(), Optional.empty()), clock.instant());
        ovsdb.hold = true;
        show(A, "kvm1.0", BASE);
        show(B, "kvm2.0", BASE);
    }

    @Test
    void moreWritesThanOneTransactionTakesAreSplitInOrder() {
        int count = 2 * LimitReconciler.MAX_WRITES_PER_TRANSACTION + 500;
        for (int i = 10; i < 10 + count; i++) {
            show(uuid(i), "kvm" + i + ".0", BASE);
            limits.want("kvm" + i + ".0", PENALTY);
        }

        limits.flush();

        assertThat(ovsdb.batches).extracting(List::size).containsExactly(LimitReconciler.MAX_WRITES_PER_TRANSACTION,
                LimitReconciler.MAX_WRITES_PER_TRANSACTION, 500);
        assertThat(ovsdb.batches.stream().flatMap(List::stream).map(LimitWrite::uuid).distinct()).hasSize(count);
    }

    @Test
    void sendsOnlyTheRowsThatDifferInOneTransaction() {
        limits.want("kvm1.0", PENALTY);
        limits.want("kvm2.0", BASE);

        limits.flush();

        assertThat(ovsdb.batches).containsExactly(List.of(new LimitWrite(A, "kvm1.0", PENALTY)));
    }

    @Test
    void decisionsOfOneGovernorTaskShareOneTransaction() {
        limits.want("kvm1.0", PENALTY);
        limits.scheduleFlush();
        limits.want("kvm2.0", PENALTY);
        limits.scheduleFlush();

        thread.runDue();

        assertThat(ovsdb.batches).hasSize(1);
        assertThat(ovsdb.lastBatch()).extracting(LimitWrite::name).containsExactlyInAnyOrder("kvm1.0", "kvm2.0");
    }

    @Test
    void theEchoOfTheWriteSettlesItAndNothingMoreIsSent() {
        limits.want("kvm1.0", PENALTY);
        limits.flush();
        answer(0, new CountResult(1));

        show(A, "kvm1.0", PENALTY);
        thread.advance(LimitReconciler.ECHO_WAIT.plus(LimitReconciler.RETRY_AFTER));
        limits.flush();

        assertThat(ovsdb.batches).hasSize(1);
    }

    @Test
    void aWriteStillInFlightIsNotSentTwice() {
        limits.want("kvm1.0", PENALTY);
        limits.flush();

        limits.flush();

        assertThat(ovsdb.batches).hasSize(1);
    }

    @Test
    void aDecisionReversedBeforeTheEchoIsStillSent() {
        limits.want("kvm1.0", PENALTY);
        limits.flush();
        limits.want("kvm1.0", BASE);

        limits.flush();

        // The row still shows BASE, but PENALTY is on its way: BASE must be written again.
        assertThat(ovsdb.batches).containsExactly(List.of(new LimitWrite(A, "kvm1.0", PENALTY)),
                List.of(new LimitWrite(A, "kvm1.0", BASE)));
    }

    @Test
    void aCommittedWriteWhoseEchoNeverComesIsJudgedAgainAfterTheEchoWait() {
        limits.want("kvm1.0", PENALTY);
        limits.flush();
        answer(0, new CountResult(1));

        thread.advance(LimitReconciler.ECHO_WAIT.minusMillis(1));
        assertThat(ovsdb.batches).as("still waiting for the echo until then").hasSize(1);
        thread.advance(Duration.ofMillis(1));

        assertThat(ovsdb.batches).hasSize(2);
        assertThat(ovsdb.lastBatch()).containsExactly(new LimitWrite(A, "kvm1.0", PENALTY));
    }

    @Test
    void aWriteThatUpdatedNoRowIsSettledWithoutARetryStorm() {
        limits.want("kvm1.0", PENALTY);
        limits.flush();

        answer(0, new CountResult(0)); // the row was deleted or renamed meanwhile
        thread.advance(LimitReconciler.ECHO_WAIT.plus(LimitReconciler.RETRY_AFTER).multipliedBy(3));

        assertThat(ovsdb.batches).as("nothing is resent by itself").hasSize(1);
        limits.flush(); // the next event about the row: it is no longer in flight, so it is judged afresh
        assertThat(ovsdb.batches).hasSize(2);
    }

    @Test
    void aFailedTransactionIsRetriedAfterASecond() {
        limits.want("kvm1.0", PENALTY);
        limits.flush();

        ovsdb.unanswered.get(0).completeExceptionally(new OvsdbConnectionException("test: connection lost"));
        thread.runDue();
        thread.advance(LimitReconciler.RETRY_AFTER.minusMillis(1));
        assertThat(ovsdb.batches).as("not retried at once").hasSize(1);
        thread.advance(Duration.ofMillis(1));
        thread.runDue();

        assertThat(ovsdb.batches).hasSize(2);
        assertThat(ovsdb.lastBatch()).containsExactly(new LimitWrite(A, "kvm1.0", PENALTY));
    }

    @Test
    void nothingIsSentWhileOvsdbIsDisconnected() {
        link.onEvent(new SessionEvent(SessionState.DISCONNECTED, Optional.of(new OvsdbConnectionException("test")),
                Optional.empty()), clock.instant());
        limits.want("kvm1.0", PENALTY);

        limits.flush();

        assertThat(ovsdb.batches).isEmpty();
    }

    @Test
    void aDriftIsRestoredAfterTheBatchWindow() {
        limits.want("kvm1.0", BASE);

        show(A, "kvm1.0", new Limit(1_000, 100)); // someone's ovs-vsctl
        thread.runDue();

        assertThat(ovsdb.batches).containsExactly(List.of(new LimitWrite(A, "kvm1.0", BASE)));
        assertThat(driftRestores()).isEqualTo(1);
    }

    @Test
    void theEchoOfOurOwnWriteIsNoDrift() {
        limits.want("kvm1.0", PENALTY);
        limits.flush();
        answer(0, new CountResult(1));

        show(A, "kvm1.0", PENALTY);

        assertThat(driftRestores()).isZero();
    }

    @Test
    void aDryRunAnnouncesEachLimitOnceAndNeverWrites() {
        dryRun = true;
        limits.want("kvm1.0", PENALTY);
        try (LogCapture log = LogCapture.of(Governor.class)) {
            limits.flush();
            limits.flush();
            show(A, "kvm1.0", new Limit(1_000, 100));
            thread.runDue();

            assertThat(ovsdb.batches).isEmpty();
            assertThat(log.lines()).filteredOn(l -> l.contains("action=would-set")).containsExactly(
                    "iface=kvm1.0 action=would-set limit_kbps=50000 burst_kb=5000 dry_run=true");
            assertThat(log.lines()).filteredOn(l -> l.contains("event=drift")).singleElement().asString()
                    .contains("action=none dry_run=true");
        }
        assertThat(driftRestores()).as("nothing was restored").isZero();
    }

    @Test
    void aRowGoneIsNoLongerWaitedFor() {
        limits.want("kvm1.0", PENALTY);
        limits.flush();

        rows.remove(A);
        limits.rowGone(A);
        show(A, "kvm1.0", BASE); // the same row seen again (a resync): judged afresh, not as in flight
        limits.flush();

        assertThat(ovsdb.batches).hasSize(2);
    }

    /** OVSDB's reply to the {@code i}-th transaction: the comment's result, then the writes'. */
    private double driftRestores() {
        return MetricsScrape.of(metrics).value("ovsqos_drift_restores_total").orElseThrow();
    }

    private void answer(int i, OperationResult... writes) {
        List<OperationResult> results = new ArrayList<>();
        results.add(EmptyResult.INSTANCE);
        results.addAll(List.of(writes));
        ovsdb.unanswered.get(i).complete(results);
        thread.runDue();
    }

    /** The row as OVSDB now shows it, delivered as the replica would. */
    private void show(UUID uuid, String name, Limit policing) {
        InterfaceRow row = InterfaceRow.from(uuid, row(uuid, name, 0, policing));
        boolean known = rows.get(uuid) != null;
        if (known) {
            rows.update(row);
        } else {
            rows.put(row);
        }
        limits.policingChanged(row);
    }
}
