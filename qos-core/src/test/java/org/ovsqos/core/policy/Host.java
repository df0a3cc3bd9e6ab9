package org.ovsqos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ovsqos.core.config.QosConfig;

/**
 * Drives a {@link PolicyBook} on a fake timeline of seconds after {@link Traffic#T0}, turning
 * per-interface usage into counters, and feeding every decision, absence, release and reload to
 * one {@link PolicyChecker} per interface.
 */
final class Host {
    private PolicyBook book;
    private final Map<String, PolicyChecker> checkers = new HashMap<>();
    private final Map<String, Observation> last = new HashMap<>();
    private final Map<String, String> external = new HashMap<>();
    private final Set<String> recreated = new HashSet<>();
    private BookUpdate update;

    Host(QosConfig config) {
        this.book = PolicyBook.empty(config);
    }

    Host(PolicyBook book) {
        this.book = book;
    }

    /** Sets {@code external_ids:ovs-qos-base-mbit} for later ticks. */
    Host external(String iface, String value) {
        if (value == null) {
            external.remove(iface);
        } else {
            external.put(iface, value);
        }
        return this;
    }

    /** The interface's row is re-created: its counter starts over at 0. */
    Host recreate(String iface) {
        recreated.add(iface);
        return this;
    }

    /** A tick at {@code t}: the named interfaces are present and carried these usages. */
    BookUpdate tick(double t, Map<String, Double> usage) {
        Instant now = Traffic.at(t);
        Map<String, InterfaceSample> samples = new LinkedHashMap<>();
        Map<String, Observation> observed = new HashMap<>();
        usage.forEach((name, u) -> {
            Optional<String> ext = Optional.ofNullable(external.get(name));
            long base = book.config().baseKbps(name, ext);
            Observation prev = last.get(name);
            long rx;
            if (recreated.remove(name)) {
                rx = 0;
            } else if (prev == null) {
                rx = Traffic.START_RX;
            } else {
                rx = prev.rxBytes() + Traffic.bytes(u, base, Duration.between(prev.observedAt(), now));
            }
            Observation o = new Observation(rx, now);
            observed.put(name, o);
            last.put(name, o);
            samples.put(name, new InterfaceSample(Optional.of(o), ext));
        });
        update = book.tick(now, samples);
        for (Decision d : update.decisions()) {
            assertThat(book.config().manages(d.iface())).isTrue();
            checker(d.iface()).step(now, Optional.of(observed.get(d.iface())), d.baseKbps(),
                    Outcome.of(d));
        }
        for (String name : List.copyOf(checkers.keySet())) {
            if (!usage.containsKey(name)) {
                checkers.get(name).absent(now, update.book().state(name));
                last.remove(name);
            }
        }
        book = update.book();
        return update;
    }

    BookUpdate tick(double t, String... present) {
        Map<String, Double> usage = new LinkedHashMap<>();
        for (String name : present) {
            usage.put(name, 0.0);
        }
        return tick(t, usage);
    }

    /** Ticks every {@code every} seconds from {@code from} to {@code to} with the same usage. */
    Host run(double from, double to, double every, Map<String, Double> usage) {
        for (double t = from; t <= to; t += every) {
            tick(t, usage);
        }
        return this;
    }

    ReleaseResult release(String iface, double t) {
        ReleaseResult r = book.release(iface, Traffic.at(t));
        if (r.outcome() == ReleaseResult.Outcome.RELEASED) {
            checker(iface).released(r.limit(),
                    book.config().baseKbps(iface, Optional.ofNullable(external.get(iface))));
        }
        book = r.book();
        return r;
    }

    BookUpdate reload(QosConfig next, double t) {
        Instant now = Traffic.at(t);
        Map<String, Limit> before = limits(book, now);
        update = book.reload(next, now);
        Map<String, Limit> after = limits(update.book(), now);
        Map<String, Decision> byName = new HashMap<>();
        update.decisions().forEach(d -> byName.put(d.iface(), d));
        for (String name : List.copyOf(checkers.keySet())) {
            Optional<InterfaceState> state = update.book().state(name);
            if (state.isEmpty()) {
                checkers.remove(name);
                continue;
            }
            Decision d = byName.get(name);
            checkers.get(name).reloaded(next, now, state.get(),
                    d == null ? Optional.empty() : Optional.of(d.transition()),
                    before.get(name), after.get(name));
            if (d != null) {
                checkers.get(name).checkLimit(d.limit(), d.stage(), d.baseKbps());
            }
        }
        book = update.book();
        return update;
    }

    PolicyBook book() {
        return book;
    }

    /** Every record's limit as {@code list} shows it. */
    private static Map<String, Limit> limits(PolicyBook book, Instant now) {
        Map<String, Limit> out = new HashMap<>();
        book.view().forEach(v -> out.put(v.iface(), new Limit(v.limitKbps(), v.burstKb())));
        return out;
    }

    BookUpdate last() {
        return update;
    }

    Decision decision(String iface) {
        return update.decisions().stream().filter(d -> d.iface().equals(iface)).findFirst()
                .orElseThrow(() -> new AssertionError("no decision for " + iface));
    }

    int tier(String iface) {
        return book.state(iface).map(InterfaceState::tier).orElse(0);
    }

    private PolicyChecker checker(String iface) {
        return checkers.computeIfAbsent(iface, n -> new PolicyChecker(book.config()));
    }
}
