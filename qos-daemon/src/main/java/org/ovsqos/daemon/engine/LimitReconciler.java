package org.ovsqos.daemon.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.policy.Limit;
import org.ovsqos.daemon.metrics.DaemonMetrics;
import org.ovsqos.ovsdb.operation.OperationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes OVSDB hold the limits the policy wants: the desired limit of every managed interface
 * against what its row shows, batched into at most one {@code transact} in flight per row.
 * Confined to the governor's thread, like the {@link InterfaceRows} it reads.
 *
 * <p>A write stays "in flight" until its echo (the row update showing it) arrives, because
 * OVSDB's reply and the update may come in either order; comparing new decisions against the
 * in-flight value means a decision reversed before the echo is still sent. A failed transaction
 * is retried after {@link #RETRY_AFTER}; a committed write whose echo never shows (another
 * writer's change folded into the same update) is judged afresh after {@link #ECHO_WAIT}.
 */
final class LimitReconciler {
    // The governor's logger: its decisions and their writes read as one story in the log.
    private static final Logger log = LoggerFactory.getLogger(Governor.class);
    /**
     * The most writes in one transaction. ovsdb-server commits ~25 µs a row with no knee up to
     * 20,000, but serves nobody else meanwhile: 5000 rows kept ovs-vswitchd waiting 150 ms, as
     * 5 transactions of 1000 at most 30 ms, in the same total time (BENCHMARKS.md, "How large one
     * transaction may be"). Up to 1000 interfaces every tick is still one transaction.
     */
    static final int MAX_WRITES_PER_TRANSACTION = 1000;
    /** After a failed transaction, when to try again if nothing else triggers a write first. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** How long a committed write waits for its echo before the row is judged on what it shows. */
    static final Duration ECHO_WAIT = Duration.ofSeconds(1);

    /** Sends one batch as one transaction; its results start with the comment's. */
    interface Transact {
        CompletionStage<List<OperationResult>> write(List<LimitWrite> writes);
    }

    private final GovernorThread executor;
    private final InterfaceRows rows;
    private final Transact transact;
    private final DaemonMetrics metrics;
    private final OvsdbLinkTracker link;
    private final BooleanSupplier dryRun;
    private final Map<String, Limit> desired = new HashMap<>();
    private final Map<UUID, Limit> inFlight = new HashMap<>();
    private final Map<UUID, SentWrite> sent = new HashMap<>();
    private final Map<String, Limit> announcedDryRun = new HashMap<>();
    private final HandBack handBack = new HandBack();
    private boolean flushScheduled;

    LimitReconciler(GovernorThread executor, InterfaceRows rows, Transact transact, DaemonMetrics metrics,
            OvsdbLinkTracker link, BooleanSupplier dryRun) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.rows = Objects.requireNonNull(rows, "rows");
        this.transact = Objects.requireNonNull(transact, "transact");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.link = Objects.requireNonNull(link, "link");
        this.dryRun = Objects.requireNonNull(dryRun, "dryRun");
    }

    // ----------------------------------------------------------------------------- what is wanted

    void want(String name, Limit limit) {
        assert executor.isCurrent() : GovernorThread.offThread();
        desired.put(name, limit);
    }

    Limit wanted(String name) {
        return desired.get(name);
    }

    /** Read by the snapshot: the limit each managed interface should hold. */
    Map<String, Limit> desired() {
        return Collections.unmodifiableMap(desired);
    }

    /** A reload: every desired limit is decided again. */
    void forgetDesired() {
        assert executor.isCurrent() : GovernorThread.offThread();
        desired.clear();
        announcedDryRun.clear();
    }

    /** A reload manages the row (again): whatever was owed to it as unmanaged is void. */
    void manage(UUID uuid) {
        handBack.forget(uuid);
    }

    /** A reload stopped managing the row: it is owed its base limit under {@code managedBy}, once. */
    void handBack(InterfaceRow row, QosConfig managedBy) {
        handBack.leave(row, managedBy, inFlight.containsKey(row.uuid()), dryRun.getAsBoolean());
    }

    // ----------------------------------------------------------------------------- what OVSDB shows

    /** The row's policing columns changed: our own write's echo, or someone else's drift. */
    void policingChanged(InterfaceRow row) {
        assert executor.isCurrent() : GovernorThread.offThread();
        Limit want = desired.get(row.name());
        Limit pending = inFlight.get(row.uuid());
        if (pending != null) {
            // Our own write's echo settles it; anything else while a write is pending is
            // judged once that write has settled.
            if (row.policedAs(pending.rateKbps(), pending.burstKb())) {
                inFlight.remove(row.uuid());
                if (want != null && !pending.equals(want)) {
                    scheduleFlush();
                }
            }
        } else if (want != null && !row.policedAs(want.rateKbps(), want.burstKb())) {
            // In dry-run nothing is restored: say so rather than claim a write that never happens.
            log.warn("iface={} event=drift ingress_policing_rate={} ingress_policing_burst={} expected_rate={} "
                    + "expected_burst={} action={}", row.name(), row.policingRateKbps(), row.policingBurstKb(),
                    want.rateKbps(), want.burstKb(), dryRun.getAsBoolean() ? "none dry_run=true" : "restore");
            if (!dryRun.getAsBoolean()) {
                metrics.driftRestored();
            }
            scheduleFlush();
        }
    }

    /** The row is gone: nothing of it is waited for or owed. */
    void rowGone(UUID uuid) {
        assert executor.isCurrent() : GovernorThread.offThread();
        inFlight.remove(uuid);
        sent.remove(uuid);
        handBack.forget(uuid);
    }

    /**
     * No row bears the name any more.
     *
     * @return the limit that was desired for it, if it was managed
     */
    Limit nameGone(String name) {
        announcedDryRun.remove(name);
        return desired.remove(name);
    }

    // ----------------------------------------------------------------------------- writing

    /**
     * Flushes once the governor's current task is done: every change of one OVSDB update (the
     * first sync's thousand rows, a burst of new guests) or of one tick shares a transaction,
     * and a single new guest is written at once rather than after a batching delay.
     */
    void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            executor.execute(this::flush);
        }
    }

    /** Sends one transaction for every row whose policing differs from what it should be. */
    void flush() {
        assert executor.isCurrent() : GovernorThread.offThread();
        flushScheduled = false;
        if (!link.connected()) {
            return; // reconciled when the link is back and the replica has re-synchronised
        }
        List<LimitWrite> writes = new ArrayList<>();
        desired.forEach((name, want) -> {
            InterfaceRow row = rows.named(name);
            if (row == null) {
                return;
            }
            Limit pending = inFlight.get(row.uuid());
            boolean holdsWant = pending != null ? pending.equals(want) : row.policedAs(want.rateKbps(), want.burstKb());
            if (!holdsWant) {
                writes.add(new LimitWrite(row.uuid(), name, want));
            }
        });
        writes.addAll(handBack.due(rows, inFlight));
        if (writes.isEmpty()) {
            return;
        }
        if (dryRun.getAsBoolean()) {
            announce(writes);
            return;
        }
        for (int from = 0; from < writes.size(); from += MAX_WRITES_PER_TRANSACTION) {
            send(writes.subList(from, Math.min(writes.size(), from + MAX_WRITES_PER_TRANSACTION)));
        }
    }

    private void send(List<LimitWrite> writes) {
        writes.forEach(w -> inFlight.put(w.uuid(), w.limit()));
        CompletableFuture<List<OperationResult>> transaction = transact.write(writes).toCompletableFuture();
        for (int i = 0; i < writes.size(); i++) {
            LimitWrite w = writes.get(i);
            sent.put(w.uuid(), new SentWrite(w.limit(), transaction, LimitWrite.resultIndex(i)));
        }
        transaction.whenCompleteAsync((results, failure) -> written(writes, results, failure), executor);
    }

    private void announce(List<LimitWrite> writes) {
        for (LimitWrite w : writes) {
            if (!w.limit().equals(announcedDryRun.put(w.name(), w.limit()))) {
                log.info("iface={} action=would-set limit_kbps={} burst_kb={} dry_run=true", w.name(),
                        w.limit().rateKbps(), w.limit().burstKb());
            }
            handBack.paid(w); // announced once, as it would have been written once
        }
    }

    /** Settles a write when it failed, when its row had gone (0 rows updated), or when the echo came first. */
    private void written(List<LimitWrite> writes, List<OperationResult> results, Throwable failure) {
        metrics.transaction(failure == null);
        for (int i = 0; i < writes.size(); i++) {
            LimitWrite w = writes.get(i);
            InterfaceRow row = rows.get(w.uuid());
            if (failure == null) {
                handBack.paid(w);
            }
            boolean settled = failure != null || row == null
                    || row.policedAs(w.limit().rateKbps(), w.limit().burstKb())
                    || SentWrite.updatedNothing(results, LimitWrite.resultIndex(i));
            if (settled) {
                inFlight.remove(w.uuid(), w.limit());
            } else {
                // Committed, echo not seen yet. If another writer's change was folded into the
                // same update, our value never shows: stop waiting and judge the row afresh.
                executor.schedule(() -> {
                    if (inFlight.remove(w.uuid(), w.limit())) {
                        scheduleFlush();
                    }
                }, ECHO_WAIT);
            }
        }
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            log.warn("ovsdb action=transact rows={} result=failed error=\"{}\" retry_in_ms={}", writes.size(),
                    cause.getMessage(), RETRY_AFTER.toMillis());
            executor.schedule(this::scheduleFlush, RETRY_AFTER);
            return;
        }
        log.debug("ovsdb action=transact rows={} result=ok", writes.size());
    }

    // ----------------------------------------------------------------------------- release

    /**
     * The answer to {@code release} once {@code limit} was decided for the interface: when OVSDB
     * has committed it, or plainly pending (see {@link ReleaseReply}). Call after {@link #flush}.
     */
    CompletableFuture<String> releaseReply(String name, Limit limit) {
        InterfaceRow row = rows.named(name);
        UUID uuid = row == null ? null : row.uuid();
        return ReleaseReply.of(name, limit, row, inFlight.get(uuid), sent.get(uuid), dryRun.getAsBoolean(),
                link.view());
    }
}
