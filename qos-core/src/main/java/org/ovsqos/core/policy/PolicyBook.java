package org.ovsqos.core.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ovsqos.core.config.BaseRate;
import org.ovsqos.core.config.QosConfig;

/**
 * The host's policy: one record per managed interface, present or absent-but-penalised, and the
 * configuration they are judged by. Immutable; every operation returns the next book. The daemon
 * keeps the current book on its single state thread and publishes it as a snapshot.
 *
 * <p>Lifecycle of a record: created when a managed interface is first ticked; while present it
 * follows {@link TierPolicy}; when the interface disappears the record is kept (baseline and
 * timer dropped) for as long as its penalty runs, and the penalty applies again if it comes back;
 * once an absent interface owes nothing, the record is dropped.
 */
public final class PolicyBook {
    private final QosConfig config;
    private final SortedMap<String, Entry> entries;

    private PolicyBook(QosConfig config, SortedMap<String, Entry> entries) {
        this.config = Objects.requireNonNull(config, "config");
        this.entries = Collections.unmodifiableSortedMap(entries);
    }

    /** A book with no records. */
    public static PolicyBook empty(QosConfig config) {
        return new PolicyBook(config, new TreeMap<>());
    }

    /**
     * A book from the records of a state file, all absent until the next tick sees them. Records
     * the configuration does not manage are dropped; a penalty is capped at its tier's penalty
     * from {@code now}, and a tier the configuration does not have becomes the highest one left
     * (the file does not say what limit it had). A penalty that ended while the daemon was down
     * ends at the next tick.
     */
    public static BookUpdate restore(QosConfig config, Collection<StateRecord> records, Instant now) {
        Objects.requireNonNull(now, "now");
        SortedMap<String, Entry> entries = new TreeMap<>();
        List<Forgotten> forgotten = new ArrayList<>();
        for (StateRecord r : records) {
            if (entries.containsKey(r.iface())) {
                continue;
            }
            if (!config.manages(r.iface())) {
                forgotten.add(new Forgotten(r.iface(), r.state().tier(), Forgotten.Why.UNMANAGED));
                continue;
            }
            long base = r.baseKbps().isPresent() && r.baseKbps().getAsLong() <= QosConfig.MAX_BASE_KBPS
                    ? r.baseKbps().getAsLong()
                    : config.baseKbps(r.iface(), Optional.empty());
            InterfaceState state = Refit.fit(r.state(), config, now, false);
            entries.put(r.iface(), new Entry(state, false, base, Optional.empty(), Optional.empty()));
        }
        forgotten.sort((a, b) -> a.iface().compareTo(b.iface()));
        return new BookUpdate(new PolicyBook(config, entries), List.of(), forgotten);
    }

    public QosConfig config() {
        return config;
    }

    /**
     * One tick: steps every present managed interface and ages the absent ones.
     *
     * @param interfaces every interface present on the host, by name; names the configuration
     *     does not manage are ignored
     */
    public BookUpdate tick(Instant now, Map<String, InterfaceSample> interfaces) {
        Objects.requireNonNull(now, "now");
        SortedMap<String, Entry> next = new TreeMap<>();
        List<Decision> decisions = new ArrayList<>();
        for (Map.Entry<String, InterfaceSample> e : new TreeMap<>(interfaces).entrySet()) {
            String name = e.getKey();
            if (!config.manages(name)) {
                continue;
            }
            InterfaceSample sample = e.getValue();
            Entry old = entries.get(name);
            BaseRate base = config.resolveBase(name, sample.externalBaseMbit());
            boolean externalIsNews = old == null || !old.present()
                    || !old.externalBaseMbit().equals(sample.externalBaseMbit());
            InterfaceState state = old == null ? InterfaceState.initial() : old.state();
            Optional<Limit> held = old == null ? Optional.empty() : old.held();
            StepResult r = sample.observation()
                    .map(o -> TierPolicy.step(state, o, now, base.kbps(), config, held))
                    .orElseGet(() -> TierPolicy.stepWithoutSample(state, now, base.kbps(), config, held));
            next.put(name, new Entry(r.state(), true, base.kbps(), sample.externalBaseMbit(),
                    Entry.heldFor(r.state(), held)));
            decisions.add(new Decision(name, r.limit(), base.kbps(), r.state().tier(),
                    r.state().penaltyUntil(), r.sample(), r.mbps(), r.transition(),
                    externalIsNews ? base.ignoredExternal() : Optional.empty()));
        }
        List<Forgotten> forgotten = new ArrayList<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            String name = e.getKey();
            Entry old = e.getValue();
            if (next.containsKey(name)) {
                continue;
            }
            if (old.state().penaltyRunning(now)) {
                next.put(name, old.absent());
            } else {
                forgotten.add(new Forgotten(name, old.state().tier(), old.present()
                        ? Forgotten.Why.DISAPPEARED : Forgotten.Why.PENALTY_ENDED));
            }
        }
        return new BookUpdate(new PolicyBook(config, next), decisions, forgotten);
    }

    /**
     * The limit for an interface that appeared since the last tick, so the daemon can police it
     * at once: the penalty it still owes, else its base rate. Empty when the name is not managed.
     * The book does not change; the next tick takes the interface in.
     */
    public Optional<Limit> desiredLimit(String iface, Optional<String> externalBaseMbit, Instant now) {
        if (!config.manages(iface)) {
            return Optional.empty();
        }
        long base = config.baseKbps(iface, externalBaseMbit);
        Entry e = entries.get(iface);
        if (e == null || !e.state().penaltyRunning(now)) {
            return Optional.of(TierPolicy.limit(0, base, config));
        }
        return Optional.of(e.held().orElseGet(() -> TierPolicy.limit(e.state().tier(), base, config)));
    }

    /** Returns a penalised interface to tier 0 at once ({@code ovs-qos release IFACE}). */
    public ReleaseResult release(String iface, Instant now) {
        Objects.requireNonNull(now, "now");
        Entry e = entries.get(iface);
        if (e == null) {
            return new ReleaseResult(this, ReleaseResult.Outcome.UNKNOWN, Optional.empty(),
                    Optional.empty());
        }
        if (!e.state().penalised()) {
            return new ReleaseResult(this, ReleaseResult.Outcome.NOT_PENALISED, Optional.empty(),
                    Optional.empty());
        }
        Optional<Transition> t =
                Optional.of(new Transition(e.state().tier(), 0, Reason.RELEASED));
        SortedMap<String, Entry> next = new TreeMap<>(entries);
        if (!e.present()) {
            next.remove(iface);
            return new ReleaseResult(new PolicyBook(config, next), ReleaseResult.Outcome.RELEASED,
                    t, Optional.empty());
        }
        next.put(iface, e.with(e.state().atBase()));
        return new ReleaseResult(new PolicyBook(config, next), ReleaseResult.Outcome.RELEASED, t,
                Optional.of(TierPolicy.limit(0, e.baseKbps(), config)));
    }

    /**
     * Adopts a new configuration, keeping every record's state, and recomputes every present
     * interface's limit (base rates, tier fractions and burst may all have changed). Records the
     * new configuration does not manage are dropped; a penalty whose time is up ends (as the next
     * tick would end it), and absent interfaces that owe no penalty any more are dropped. A
     * running penalty is never lengthened, and is shortened to end at most its tier's new penalty
     * after {@code now}; but a penalty whose tier the new configuration no longer has keeps its
     * limit and its end: the operator removed a tier for the future, not the penalties it is
     * serving. Condition timers are cleared only when the tier list changed.
     */
    public BookUpdate reload(QosConfig newConfig, Instant now) {
        Objects.requireNonNull(newConfig, "newConfig");
        Objects.requireNonNull(now, "now");
        boolean tiersChanged = !newConfig.tiers().equals(config.tiers());
        SortedMap<String, Entry> next = new TreeMap<>();
        List<Decision> decisions = new ArrayList<>();
        List<Forgotten> forgotten = new ArrayList<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            String name = e.getKey();
            Entry old = e.getValue();
            if (!newConfig.manages(name)) {
                forgotten.add(new Forgotten(name, old.state().tier(), Forgotten.Why.UNMANAGED));
                continue;
            }
            InterfaceState state;
            Optional<Limit> held = Optional.empty();
            Optional<Transition> transition = Optional.empty();
            if (old.state().penalised() && !old.state().penaltyRunning(now)) {
                // Due to end at the next tick anyway; writing its limit now would be wrong.
                state = old.state().atBase();
                transition = Optional.of(new Transition(old.state().tier(), 0, Reason.EXPIRED));
            } else if (old.state().tier() > newConfig.tiers().size()) {
                // Held at the limit it has until it ends; with no next tier, no timer runs.
                state = old.state().withOverSince(Optional.empty());
                held = Optional.of(old.held().orElseGet(() ->
                        TierPolicy.limit(old.state().tier(), old.baseKbps(), config)));
            } else {
                state = Refit.fit(old.state(), newConfig, now, tiersChanged);
            }
            if (!old.present() && !state.penalised()) {
                forgotten.add(new Forgotten(name, old.state().tier(), Forgotten.Why.PENALTY_ENDED));
                continue;
            }
            long base = newConfig.baseKbps(name, old.externalBaseMbit());
            next.put(name, new Entry(state, old.present(), base, old.externalBaseMbit(), held));
            if (old.present()) {
                Limit limit = held.orElseGet(() -> TierPolicy.limit(state.tier(), base, newConfig));
                decisions.add(new Decision(name, limit, base, state.tier(), state.penaltyUntil(),
                        SampleOutcome.NONE, OptionalDouble.empty(), transition, Optional.empty()));
            }
        }
        return new BookUpdate(new PolicyBook(newConfig, next), decisions, forgotten);
    }

    /** The rows of {@code ovs-qos list}, sorted by name. */
    public List<PolicyView> view() {
        List<PolicyView> out = new ArrayList<>(entries.size());
        entries.forEach((name, e) -> {
            InterfaceState s = e.state();
            Limit limit = e.held().orElseGet(() -> TierPolicy.limit(s.tier(), e.baseKbps(), config));
            out.add(new PolicyView(name, s.tier(), limit.rateKbps(), limit.burstKb(),
                    e.baseKbps(), s.penaltyUntil(), s.lastMbps(), e.present()));
        });
        return out;
    }

    /** The state of one interface, if the book has a record of it. */
    public Optional<InterfaceState> state(String iface) {
        return Optional.ofNullable(entries.get(iface)).map(Entry::state);
    }

    /** Whether the interface was present at the last tick. */
    public boolean present(String iface) {
        Entry e = entries.get(iface);
        return e != null && e.present();
    }

    /** Every record, for the state file, sorted by name. */
    public List<StateRecord> stateRecords() {
        List<StateRecord> out = new ArrayList<>(entries.size());
        entries.forEach((name, e) ->
                out.add(new StateRecord(name, e.state(), OptionalLong.of(e.baseKbps()))));
        return out;
    }

    public int size() {
        return entries.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyBook b && b.config.equals(config) && b.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(config, entries);
    }

    @Override
    public String toString() {
        return "PolicyBook" + entries;
    }
}
