package org.ovsqos.daemon.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.policy.BookUpdate;
import org.ovsqos.core.policy.Decision;
import org.ovsqos.core.policy.Forgotten;
import org.ovsqos.core.policy.InterfaceSample;
import org.ovsqos.core.policy.Limit;
import org.ovsqos.core.policy.Observation;
import org.ovsqos.core.policy.PolicyBook;
import org.ovsqos.core.policy.ReleaseResult;
import org.ovsqos.core.policy.SampleOutcome;
import org.ovsqos.daemon.admin.AdminCommandException;
import org.ovsqos.daemon.metrics.DaemonMetrics;
import org.ovsqos.ovsdb.cache.RowEvent;
import org.ovsqos.ovsdb.cache.RowListener;
import org.ovsqos.ovsdb.client.SessionEvent;
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
 * or at once for a new interface) → desired limits → the {@link LimitReconciler} → OVSDB → row events.
 */
final class Governor implements RowListener {
    private static final Logger log = LoggerFactory.getLogger(Governor.class);

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
    private final InterfaceRows rows = new InterfaceRows();
    private final LimitReconciler limits;
    private final Observations observations = new Observations();
    private PolicyBook book;
    private Instant lastTick;
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
        this.limits = new LimitReconciler(executor, rows, effects::write, metrics, link, this::dryRun);
    }

    // ----------------------------------------------------------------------------- OVSDB events

    @Override
    public void onEvent(RowEvent event) {
        assert executor.isCurrent() : GovernorThread.offThread();
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
        assert executor.isCurrent() : GovernorThread.offThread();
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
        assert executor.isCurrent() : GovernorThread.offThread();
        if (!synced) {
            synced = true;
            long managed = rows.all().stream().filter(r -> manages(r.name())).count();
            log.info("ovsdb sync=first interfaces={} managed={} remembered_penalties={} action=baseline", rows.size(),
                    managed, book.view().stream().filter(v -> v.stage() > 0).count());
            tick(true);
        }
        limits.scheduleFlush();
    }

    void onSessionEvent(SessionEvent event) {
        assert executor.isCurrent() : GovernorThread.offThread();
        if (link.onEvent(event, clock.instant())) {
            limits.scheduleFlush();
        }
        effects.publish(this);
    }

    private void appeared(InterfaceRow row, Instant now) {
        rows.put(row);
        observations.observe(row, now);
        if (!manages(row.name())) {
            return;
        }
        Limit limit = book.desiredLimit(row.name(), row.externalBaseMbit(), now).orElseThrow();
        limits.want(row.name(), limit);
        if (synced) {
            log.info("iface={} event=appeared limit_kbps={} burst_kb={} owed_stage={}", row.name(), limit.rateKbps(),
                    limit.burstKb(), book.state(row.name()).filter(s -> s.penaltyRunning(now)).map(s -> s.tier())
                            .orElse(0));
        }
        limits.scheduleFlush();
    }

    private void changed(InterfaceRow before, InterfaceRow row, Instant now) {
        if (before != null && !before.name().equals(row.name())) {
            disappeared(row.uuid());
            appeared(row, now);
            return;
        }
        rows.update(row);
        observations.observe(row, now);
        // Most updates are vswitchd's statistics, every few seconds for every row: nothing to decide.
        if ((before != null && before.sameBesidesStatistics(row)) || !manages(row.name())) {
            return;
        }
        if (before != null && !before.externalBaseMbit().equals(row.externalBaseMbit())) {
            // A panel changed the guest's plan: apply it now rather than at the next tick.
            book.desiredLimit(row.name(), row.externalBaseMbit(), now).ifPresent(l -> limits.want(row.name(), l));
            log.info("iface={} event=plan-changed external_base_mbit={}", row.name(),
                    row.externalBaseMbit().orElse("none"));
            limits.scheduleFlush();
        }
        if (before == null || !before.policedAs(row.policingRateKbps(), row.policingBurstKb())) {
            limits.policingChanged(row);
        }
    }

    private void disappeared(UUID uuid) {
        InterfaceRow row = rows.remove(uuid);
        if (row == null) {
            return;
        }
        limits.rowGone(uuid);
        // In one update a row may be renamed and another take its old name: what is kept by
        // name then belongs to the newcomer.
        if (!rows.freeName(row)) {
            return;
        }
        observations.forget(row.name());
        if (limits.nameGone(row.name()) != null) {
            log.info("iface={} event=disappeared stage={} penalty_kept={}", row.name(),
                    book.state(row.name()).map(s -> s.tier()).orElse(0),
                    book.state(row.name()).map(s -> s.penaltyRunning(clock.instant())).orElse(false));
        }
    }

    // ----------------------------------------------------------------------------- the tick

    void tick() {
        assert executor.isCurrent() : GovernorThread.offThread();
        tick(link.connected());
    }

    /** {@code current}: whether the replica's rows are known to be current (connected, or just synced). */
    private void tick(boolean current) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Map<String, InterfaceSample> samples = new HashMap<>();
        for (InterfaceRow row : rows.all()) {
            if (manages(row.name())) {
                samples.put(row.name(), observations.sample(row, now, current));
            }
        }
        BookUpdate update = book.tick(now, samples);
        book = update.book();
        adopt(update);
        lastTick = now;
        limits.flush();
        effects.saveState(book);
        metrics.tick(now, Duration.ofNanos(System.nanoTime() - started));
        effects.publish(this);
    }

    private void adopt(BookUpdate update) {
        for (Decision d : update.decisions()) {
            limits.want(d.iface(), d.limit());
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

    // ----------------------------------------------------------------------------- operator commands

    /** {@code ovs-qos release IFACE}. */
    CompletableFuture<String> release(String name) {
        assert executor.isCurrent() : GovernorThread.offThread();
        Instant now = clock.instant();
        ReleaseResult r = book.release(name, now);
        book = r.book();
        switch (r.outcome()) {
            case UNKNOWN, NOT_PENALISED -> {
                // The book learns of an interface at its first tick; one policed since it appeared
                // is managed all the same, and owes nothing.
                if (r.outcome() == ReleaseResult.Outcome.UNKNOWN && limits.wanted(name) == null) {
                    throw new AdminCommandException("no managed interface named " + name);
                }
                return CompletableFuture.completedFuture(name + " is not penalised; nothing to release");
            }
            case RELEASED -> {
                r.limit().ifPresent(l -> limits.want(name, l));
                r.transition().ifPresent(t -> {
                    metrics.transition(t.from(), t.to());
                    log.info("iface={} stage={}->{} reason=released", name, t.from(), t.to());
                });
                limits.flush();
                effects.saveState(book);
                effects.publish(this);
                if (r.limit().isEmpty()) {
                    return CompletableFuture.completedFuture(
                            "released " + name + " (absent): its remembered penalty is forgotten");
                }
                return limits.releaseReply(name, r.limit().get());
            }
        }
        throw new IllegalStateException("unknown release outcome " + r.outcome());
    }

    /**
     * Adopts a new configuration keeping every record (reload, SIGHUP). An interface the new
     * configuration no longer manages (excluded, or no longer matched) is handed back: its record
     * is dropped, its base limit under the configuration that managed it is written once, and it
     * is never written again, not even to undo a drift. A later reload that manages it again
     * takes it on afresh.
     */
    void adopt(QosConfig config) {
        assert executor.isCurrent() : GovernorThread.offThread();
        Instant now = clock.instant();
        QosConfig before = book.config();
        BookUpdate update = book.reload(config, now);
        book = update.book();
        limits.forgetDesired();
        adopt(update);
        for (InterfaceRow row : rows.all()) {
            if (manages(row.name())) {
                limits.manage(row.uuid());
                // Not ticked yet by the book: policed at once all the same.
                if (limits.wanted(row.name()) == null) {
                    book.desiredLimit(row.name(), row.externalBaseMbit(), now)
                            .ifPresent(l -> limits.want(row.name(), l));
                }
            } else if (before.manages(row.name())) {
                limits.handBack(row, before);
            }
        }
        limits.flush();
        effects.saveState(book);
        effects.publish(this);
    }

    // ----------------------------------------------------------------------------- read by the snapshot

    PolicyBook book() {
        return book;
    }

    Observations observations() {
        return observations;
    }

    boolean present(String name) {
        return rows.present(name);
    }

    Map<String, Limit> desired() {
        return limits.desired();
    }

    InterfaceRow row(String name) {
        return rows.named(name);
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
