package org.ovsqos.daemon.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.policy.Decision;
import org.ovsqos.core.policy.Forgotten;
import org.ovsqos.core.policy.InterfaceSample;
import org.ovsqos.core.policy.Limit;
import org.ovsqos.core.policy.Observation;
import org.ovsqos.core.policy.PolicyBook;
import org.ovsqos.core.policy.ReleaseResult;
import org.ovsqos.core.policy.SampleOutcome;
import org.ovsqos.core.policy.Update;
import org.ovsqos.daemon.admin.AdminCommandException;
import org.ovsqos.daemon.metrics.DaemonMetrics;
import org.ovsqos.ovsdb.cache.RowEvent;
import org.ovsqos.ovsdb.cache.RowListener;
import org.ovsqos.ovsdb.client.SessionEvent;
import org.ovsqos.ovsdb.operation.CountResult;
import org.ovsqos.ovsdb.operation.OperationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's single owner of mutable state. Every method runs on one thread (the governor's
 * executor): OVSDB row events, connection changes, ticks, release and reload are all handed to
 * it, so the policy needs no locks. It turns what OVSDB says into {@link PolicyBook} calls, and
 * the book's decisions into at most one {@code transact} at a time, batched.
 *
 * <p>The data flows one way: row events → {@link Observations} and rows → the book (at a tick,
 * or at once for a new interface) → desired limits → {@link #flush} → OVSDB → row events.
 */
final class Governor implements RowListener {
    private static final Logger log = LoggerFactory.getLogger(Governor.class);
    /** How long a new interface's limit waits for others to share its transaction. */
    static final Duration BATCH_WINDOW = Duration.ofMillis(5);
    /** After a failed transaction, when to try again if nothing else triggers a write first. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** How long a committed write waits for its echo before the row is judged on what it shows. */
    static final Duration ECHO_WAIT = Duration.ofSeconds(1);

    /** Where decisions go: OVSDB, the state file, the published snapshot. */
    interface Effects {
        CompletionStage<List<OperationResult>> write(List<LimitWrite> writes);

        void saveState(PolicyBook book);

        void publish(Governor governor);
    }

    private final GovernorThread executor;
    private final Clock clock;
    private final Effects effects;
    private final DaemonMetrics metrics;
    private final OvsdbLinkTracker link;
    private final boolean forceDryRun;
    private final Map<UUID, InterfaceRow> rows = new HashMap<>();
    private final Map<String, UUID> uuidByName = new HashMap<>();
    private final Map<String, Limit> desired = new HashMap<>();
    private final Map<UUID, Limit> inFlight = new HashMap<>();
    private final Map<String, Limit> announcedDryRun = new HashMap<>();
    private final Observations observations = new Observations();
    private PolicyBook book;
    private Instant lastTick;
    private boolean flushScheduled;
    private boolean synced;

    Governor(GovernorThread executor, Clock clock, PolicyBook book, Effects effects, DaemonMetrics metrics,
            OvsdbLinkTracker link, boolean forceDryRun) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.book = Objects.requireNonNull(book, "book");
        this.effects = Objects.requireNonNull(effects, "effects");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.link = Objects.requireNonNull(link, "link");
        this.forceDryRun = forceDryRun;
    }

    // ----------------------------------------------------------------------------- OVSDB events

    @Override
    public void onEvent(RowEvent event) {
        Instant now = clock.instant();
        if (event instanceof RowEvent.Inserted e) {
            appeared(InterfaceRow.from(e.uuid(), e.row()), now);
        } else if (event instanceof RowEvent.Modified e) {
            changed(rows.get(e.uuid()), InterfaceRow.from(e.uuid(), e.newRow()), now);
        } else {
            disappeared(event.uuid());
        }
    }

    @Override
    public void afterUpdate() {
        effects.publish(this);
    }

    /**
     * The replica has (re)synchronised: everything it holds is current, so reconcile all of it.
     * The first sync is also the first tick, as the old script's first loop read every counter
     * at start: the baseline is taken now, and the first measured sample comes one interval
     * after start rather than two. The replica syncs before the session reports CONNECTED, but
     * what it holds right after a sync is current all the same.
     */
    void onSynced() {
        if (!synced) {
            synced = true;
            long managed = rows.values().stream().filter(r -> manages(r.name())).count();
            log.info("ovsdb sync=first interfaces={} managed={} remembered_penalties={} action=baseline", rows.size(),
                    managed, book.view(clock.instant()).stream().filter(v -> v.stage() > 0).count());
            tick(true);
        }
        scheduleFlush();
    }

    void onSessionEvent(SessionEvent event) {
        if (link.onEvent(event, clock.instant())) {
            scheduleFlush();
        }
        effects.publish(this);
    }

    private void appeared(InterfaceRow row, Instant now) {
        rows.put(row.uuid(), row);
        uuidByName.put(row.name(), row.uuid());
        observations.observe(row, now);
        if (!manages(row.name())) {
            return;
        }
        Limit limit = book.desiredLimit(row.name(), row.externalBaseMbit(), now).orElseThrow();
        desired.put(row.name(), limit);
        if (synced) {
            log.info("iface={} event=appeared limit_kbps={} burst_kb={} owed_stage={}", row.name(), limit.rateKbps(),
                    limit.burstKb(), book.state(row.name()).filter(s -> s.penaltyRunning(now)).map(s -> s.tier())
                            .orElse(0));
        }
        scheduleFlush();
    }

    private void changed(InterfaceRow before, InterfaceRow row, Instant now) {
        if (before != null && !before.name().equals(row.name())) {
            disappeared(row.uuid());
            appeared(row, now);
            return;
        }
        rows.put(row.uuid(), row);
        observations.observe(row, now);
        if (!manages(row.name())) {
            return;
        }
        if (before != null && !before.externalBaseMbit().equals(row.externalBaseMbit())) {
            // A panel changed the guest's plan: apply it now rather than at the next tick.
            book.desiredLimit(row.name(), row.externalBaseMbit(), now).ifPresent(l -> desired.put(row.name(), l));
            log.info("iface={} event=plan-changed external_base_mbit={}", row.name(),
                    row.externalBaseMbit().orElse("none"));
            scheduleFlush();
        }
        boolean policingChanged = before == null
                || !before.policedAs(row.policingRateKbps(), row.policingBurstKb());
        if (!policingChanged) {
            return;
        }
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
                    want.rateKbps(), want.burstKb(), dryRun() ? "none dry_run=true" : "restore");
            scheduleFlush();
        }
    }

    private void disappeared(UUID uuid) {
        InterfaceRow row = rows.remove(uuid);
        if (row == null) {
            return;
        }
        inFlight.remove(uuid);
        // In one update a row may be renamed and another take its old name: what is kept by
        // name then belongs to the newcomer.
        if (!uuidByName.remove(row.name(), uuid)) {
            return;
        }
        observations.forget(row.name());
        announcedDryRun.remove(row.name());
        if (desired.remove(row.name()) != null) {
            log.info("iface={} event=disappeared stage={} penalty_kept={}", row.name(),
                    book.state(row.name()).map(s -> s.tier()).orElse(0),
                    book.state(row.name()).map(s -> s.penaltyRunning(clock.instant())).orElse(false));
        }
    }

    // ----------------------------------------------------------------------------- the tick

    void tick() {
        tick(link.connected());
    }

    /** {@code current}: whether the replica's rows are known to be current (connected, or just synced). */
    private void tick(boolean current) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Map<String, InterfaceSample> samples = new HashMap<>();
        for (InterfaceRow row : rows.values()) {
            if (manages(row.name())) {
                samples.put(row.name(), observations.sample(row, now, current));
            }
        }
        Update update = book.tick(now, samples);
        book = update.book();
        adopt(update);
        lastTick = now;
        flush();
        effects.saveState(book);
        metrics.tick(Duration.ofNanos(System.nanoTime() - started));
        effects.publish(this);
    }

    private void adopt(Update update) {
        for (Decision d : update.decisions()) {
            desired.put(d.iface(), d.limit());
            if (d.sample() == SampleOutcome.IMPOSSIBLE_RATE) {
                log.warn("iface={} event=counter-leap max_mbps={} action=baseline-restarted", d.iface(),
                        String.format("%.0f", Observation.MAX_PLAUSIBLE_MBPS));
            }
            d.baseProblem().ifPresent(p -> log.warn("iface={} external_ids:{} problem=\"{}\"", d.iface(),
                    QosConfig.EXTERNAL_BASE_KEY, p));
            d.transition().ifPresent(t -> {
                metrics.transition(t.from(), t.to());
                log.info("iface={} stage={}->{} reason={} mbps={} limit_kbps={} burst_kb={} base_kbps={} "
                        + "penalty_until={}", d.iface(), t.from(), t.to(), t.reason().name().toLowerCase(),
                        d.mbps().isPresent() ? String.format("%.1f", d.mbps().getAsDouble()) : "-",
                        d.limit().rateKbps(), d.limit().burstKb(), d.baseKbps(),
                        d.penaltyUntil().map(Instant::toString).orElse("-"));
            });
        }
        for (Forgotten f : update.forgotten()) {
            log.info("iface={} event=forgotten stage={} reason={}", f.iface(), f.stage(),
                    f.reason().name().toLowerCase());
        }
    }

    // ----------------------------------------------------------------------------- writing OVSDB

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            executor.schedule(this::flush, BATCH_WINDOW);
        }
    }

    /** Sends one transaction for every managed row whose policing differs from what it should be. */
    void flush() {
        flushScheduled = false;
        if (!link.connected()) {
            return; // reconciled when the link is back and the replica has re-synchronised
        }
        List<LimitWrite> writes = new ArrayList<>();
        desired.forEach((name, want) -> {
            UUID uuid = uuidByName.get(name);
            InterfaceRow row = uuid == null ? null : rows.get(uuid);
            if (row == null) {
                return;
            }
            // A write still in flight is what the row will hold: compare against that, so a
            // decision reversed before the echo of the first write arrives is still sent.
            Limit pending = inFlight.get(uuid);
            boolean holdsWant = pending != null ? pending.equals(want) : row.policedAs(want.rateKbps(), want.burstKb());
            if (!holdsWant) {
                writes.add(new LimitWrite(uuid, name, want));
            }
        });
        if (writes.isEmpty()) {
            return;
        }
        if (dryRun()) {
            for (LimitWrite w : writes) {
                if (!w.limit().equals(announcedDryRun.put(w.name(), w.limit()))) {
                    log.info("iface={} action=would-set limit_kbps={} burst_kb={} dry_run=true", w.name(),
                            w.limit().rateKbps(), w.limit().burstKb());
                }
            }
            return;
        }
        writes.forEach(w -> inFlight.put(w.uuid(), w.limit()));
        effects.write(writes).whenCompleteAsync((results, failure) -> written(writes, results, failure), executor);
    }

    /**
     * A write stays in flight until its echo (the row update showing it) arrives, because the
     * reply and the update may come in either order; it is settled here when it failed, when
     * its row had gone (0 rows updated), or when the echo came first.
     */
    private void written(List<LimitWrite> writes, List<OperationResult> results, Throwable failure) {
        metrics.transaction(failure == null);
        for (int i = 0; i < writes.size(); i++) {
            LimitWrite w = writes.get(i);
            InterfaceRow row = rows.get(w.uuid());
            boolean settled = failure != null || row == null
                    || row.policedAs(w.limit().rateKbps(), w.limit().burstKb())
                    || updatedNothing(results, LimitWrite.resultIndex(i));
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

    private static boolean updatedNothing(List<OperationResult> results, int index) {
        return results != null && index < results.size() && results.get(index) instanceof CountResult c
                && c.count() == 0;
    }

    // ----------------------------------------------------------------------------- operator commands

    /** {@code ovs-qos release IFACE}. */
    CompletableFuture<String> release(String name) {
        Instant now = clock.instant();
        ReleaseResult r = book.release(name, now);
        book = r.book();
        switch (r.outcome()) {
            case UNKNOWN, NOT_PENALISED -> {
                // The book learns of an interface at its first tick; one policed since it appeared
                // is managed all the same, and owes nothing.
                if (r.outcome() == ReleaseResult.Outcome.UNKNOWN && !desired.containsKey(name)) {
                    throw new AdminCommandException("no managed interface named " + name);
                }
                return CompletableFuture.completedFuture(name + " is not penalised; nothing to release");
            }
            case RELEASED -> {
                r.limit().ifPresent(l -> desired.put(name, l));
                r.transition().ifPresent(t -> {
                    metrics.transition(t.from(), t.to());
                    log.info("iface={} stage={}->{} reason=released", name, t.from(), t.to());
                });
                flush();
                effects.saveState(book);
                effects.publish(this);
                return CompletableFuture.completedFuture(r.limit()
                        .map(l -> "released " + name + ": back to stage 0 at " + l.rateKbps() + " kbps")
                        .orElse("released " + name + " (absent): its remembered penalty is forgotten"));
            }
        }
        throw new IllegalStateException("unknown release outcome " + r.outcome());
    }

    /** Adopts a new configuration keeping every record (reload, SIGHUP). */
    void adopt(QosConfig config) {
        Instant now = clock.instant();
        Update update = book.reload(config, now);
        book = update.book();
        desired.clear();
        adopt(update);
        // Interfaces the new config manages that the book has not ticked yet are policed at once.
        for (InterfaceRow row : rows.values()) {
            if (manages(row.name()) && !desired.containsKey(row.name())) {
                book.desiredLimit(row.name(), row.externalBaseMbit(), now).ifPresent(l -> desired.put(row.name(), l));
            }
        }
        announcedDryRun.clear();
        flush();
        effects.saveState(book);
        effects.publish(this);
    }

    /** Saves the state one last time (shutdown). */
    void saveState() {
        effects.saveState(book);
    }

    // ----------------------------------------------------------------------------- read by the snapshot

    PolicyBook book() {
        return book;
    }

    Observations observations() {
        return observations;
    }

    boolean present(String name) {
        return uuidByName.containsKey(name);
    }

    Map<String, Limit> desired() {
        return desired;
    }

    InterfaceRow row(String name) {
        UUID uuid = uuidByName.get(name);
        return uuid == null ? null : rows.get(uuid);
    }

    Instant lastTick() {
        return lastTick;
    }

    OvsdbLinkTracker link() {
        return link;
    }

    boolean synced() {
        return synced;
    }

    boolean dryRun() {
        return forceDryRun || book.config().dryRun();
    }

    private boolean manages(String name) {
        return book.config().manages(name);
    }
}
