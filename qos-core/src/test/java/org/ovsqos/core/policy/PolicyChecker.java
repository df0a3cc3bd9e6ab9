package org.ovsqos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.config.Tier;

/**
 * The policy's invariants, written once. Every example test and every property feeds each step
 * of each interface through one of these, so a rule broken anywhere fails everywhere.
 *
 * <p>It keeps its own account of the evidence (previous observation, start of the current run of
 * samples at or over the next tier's threshold) from the raw inputs, independently of the state
 * the policy keeps, and checks after every step:
 * <ul>
 *   <li>the limit is the base times the current tier's fraction (the base itself at tier 0);
 *   <li>the burst is {@code max(floor(rate × fraction), min_kb)}, capped at the rate, never 0;
 *   <li>an escalation happens only on a measured sample, never after silence or a stale gap, and
 *       only when every sample since the run began was at or over the threshold for at least the
 *       trigger time; and when that evidence is there, the escalation does happen;
 *   <li>a penalty never lasts longer than configured: it ends at most its tier's penalty after
 *       it began, and no step leaves a penalty in force at or after its end;
 *   <li>tiers move only by one step up (escalation) or down to 0 (expiry, release), or to the
 *       highest tier left (reload), each with its transition.
 * </ul>
 */
final class PolicyChecker {
    private QosConfig config;
    private Optional<Observation> prev = Optional.empty();
    private Optional<Instant> runStart = Optional.empty();
    private int tier;
    private Optional<Instant> until = Optional.empty();
    /** The latest end any configured penalty allows for the current penalty. */
    private Optional<Instant> deadline = Optional.empty();
    private int escalations;
    private int expiries;

    PolicyChecker(QosConfig config) {
        this.config = config;
    }

    private enum Kind { VALID, RESTART, STALE, SILENT }

    /** One step of a present interface: {@code obs} empty for a tick without statistics. */
    void step(Instant now, Optional<Observation> obs, long baseKbps, Outcome out) {
        int before = tier;
        Optional<Instant> untilBefore = until;
        Kind kind = classify(obs);
        double usage = Double.NaN;
        if (kind == Kind.VALID) {
            Observation o = obs.get();
            Observation p = prev.get();
            double secs = seconds(Duration.between(p.observedAt(), o.observedAt()));
            double mbps = (o.rxBytes() - p.rxBytes()) * 8.0 / secs / 1e6;
            usage = mbps * 1000.0 / baseKbps;
            assertThat(out.mbps()).as("measured rate").hasValue(mbps);
        }
        assertThat(out.sample() == SampleOutcome.MEASURED)
                .as("a sample is measured exactly when it is valid (%s, %s)", kind, out.sample())
                .isEqualTo(kind == Kind.VALID);
        if (kind != Kind.SILENT) {
            prev = obs;
        }

        boolean evidence = false;
        if (kind == Kind.VALID && before < config.tiers().size()) {
            Tier next = config.tiers().get(before);
            if (usage >= next.usageFraction()) {
                Instant start = runStart.orElse(obs.get().observedAt());
                runStart = Optional.of(start);
                evidence = Duration.between(start, obs.get().observedAt()).compareTo(next.trigger()) >= 0;
            } else {
                runStart = Optional.empty();
            }
        } else if (kind != Kind.SILENT) {
            runStart = Optional.empty();
        }

        Optional<Transition> t = out.transition();
        if (t.isPresent() && t.get().reason() == Reason.ESCALATED) {
            assertThat(kind).as("silence never escalates").isNotEqualTo(Kind.SILENT);
            assertThat(kind).as("a stale gap never escalates").isNotEqualTo(Kind.STALE);
            assertThat(evidence).as("escalated without samples at or over the threshold for the "
                    + "trigger time (run from %s to %s)", runStart, obs).isTrue();
            assertThat(t.get()).isEqualTo(new Transition(before, before + 1, Reason.ESCALATED));
            Instant end = now.plus(config.tiers().get(before).penalty());
            assertThat(out.penaltyUntil()).as("a new penalty ends its tier's penalty from now")
                    .hasValue(end);
            deadline = Optional.of(end);
            runStart = Optional.empty();
            escalations++;
        } else {
            assertThat(evidence).as("the evidence for tier %d was complete at %s, but the step did "
                    + "not escalate", before + 1, now).isFalse();
            if (t.isPresent()) {
                assertThat(t.get().reason()).as("a step only escalates or expires")
                        .isEqualTo(Reason.EXPIRED);
                assertThat(t.get()).isEqualTo(new Transition(before, 0, Reason.EXPIRED));
                assertThat(now).as("a penalty ends no earlier than its end")
                        .isAfterOrEqualTo(untilBefore.orElseThrow());
                runStart = Optional.empty();
                deadline = Optional.empty();
                expiries++;
            } else {
                assertThat(out.tier()).as("no transition, no change of tier").isEqualTo(before);
                assertThat(out.penaltyUntil()).isEqualTo(untilBefore);
            }
        }
        checkPenalty(now, out.tier(), out.penaltyUntil());
        checkLimit(out.limit(), out.tier(), baseKbps);
        tier = out.tier();
        until = out.penaltyUntil();
    }

    /** The interface was absent at a tick; {@code kept} whether its record survived. */
    void absent(Instant now, Optional<InterfaceState> kept) {
        prev = Optional.empty();
        runStart = Optional.empty();
        if (kept.isPresent()) {
            assertThat(tier).as("only a penalised interface is remembered while absent").isPositive();
            assertThat(kept.get().tier()).as("tier does not change while absent").isEqualTo(tier);
            assertThat(kept.get().penaltyUntil()).isEqualTo(until);
            checkPenalty(now, tier, until);
        } else {
            if (tier > 0) {
                assertThat(now).as("a penalised record is kept until its penalty ends")
                        .isAfterOrEqualTo(until.orElseThrow());
            }
            forget();
        }
    }

    /** An operator released the interface; {@code out} is the limit written, if present. */
    void released(Optional<Limit> limit, long baseKbps) {
        limit.ifPresent(l -> checkLimit(l, 0, baseKbps));
        forget();
    }

    /**
     * The book adopted {@code next}; the interface now has {@code state}. {@code t} is the
     * transition reported for it, empty for an absent interface (reload reports none for those).
     */
    void reloaded(QosConfig next, Instant now, InterfaceState state, Optional<Optional<Transition>> t) {
        boolean over = tier > 0 && !now.isBefore(until.orElseThrow());
        int expected = over ? 0 : Math.min(tier, next.tiers().size());
        assertThat(state.tier()).as("a reload keeps the tier, or the highest one left, "
                + "and ends a penalty whose time is up").isEqualTo(expected);
        if (t.isPresent() && expected != tier) {
            assertThat(t.get()).hasValue(new Transition(tier, expected,
                    over ? Reason.EXPIRED : Reason.RELOADED));
        } else if (t.isPresent()) {
            assertThat(t.get()).isEmpty();
        }
        if (expected > 0) {
            Instant cap = now.plus(next.tiers().get(expected - 1).penalty());
            Instant end = state.penaltyUntil().orElseThrow();
            assertThat(end).as("a reload never lengthens a penalty").isBeforeOrEqualTo(until.orElseThrow());
            assertThat(end).as("a reload caps a penalty at the new tier's length").isBeforeOrEqualTo(cap);
            deadline = deadline.map(d -> d.isBefore(cap) ? d : cap);
            checkPenalty(now, expected, state.penaltyUntil());
        } else {
            deadline = Optional.empty();
        }
        if (expected != tier) {
            runStart = Optional.empty();
            assertThat(state.overSince()).as("timers clear on every transition").isEmpty();
        }
        if (!next.tiers().equals(config.tiers())) {
            runStart = Optional.empty();
            assertThat(state.overSince()).as("a reload that changes the tiers clears timers").isEmpty();
        }
        tier = expected;
        until = state.penaltyUntil();
        config = next;
    }

    int escalations() {
        return escalations;
    }

    int expiries() {
        return expiries;
    }

    private void forget() {
        tier = 0;
        until = Optional.empty();
        deadline = Optional.empty();
        runStart = Optional.empty();
    }

    private Kind classify(Optional<Observation> obs) {
        if (obs.isEmpty()) {
            return Kind.SILENT;
        }
        if (prev.isEmpty()) {
            return Kind.RESTART;
        }
        Observation o = obs.get();
        Observation p = prev.get();
        if (o.observedAt().equals(p.observedAt())) {
            return Kind.SILENT;
        }
        if (o.observedAt().isBefore(p.observedAt())) {
            return Kind.RESTART;
        }
        if (Duration.between(p.observedAt(), o.observedAt())
                .compareTo(config.sampleInterval().multipliedBy(2)) > 0) {
            return Kind.STALE;
        }
        return o.rxBytes() < p.rxBytes() ? Kind.RESTART : Kind.VALID;
    }

    private void checkPenalty(Instant now, int t, Optional<Instant> end) {
        if (t == 0) {
            assertThat(end).isEmpty();
            return;
        }
        Instant e = end.orElseThrow();
        assertThat(now).as("no step leaves a penalty in force at or after its end").isBefore(e);
        if (deadline.isPresent()) {
            assertThat(e).as("no penalty lasts longer than configured").isBeforeOrEqualTo(deadline.get());
        } else {
            fail("tier %d without a penalty that began under observation", t);
        }
    }

    /** The limit and burst rules, restated. */
    void checkLimit(Limit limit, int t, long baseKbps) {
        long rate = t == 0
                ? baseKbps
                : Math.max(1, (long) (baseKbps * config.tiers().get(t - 1).rateFraction()));
        assertThat(limit.rateKbps()).as("the limit is the base times tier %d's fraction", t)
                .isEqualTo(rate);
        long burst = Math.max((long) (rate * config.burstFraction()), config.burstMinKb());
        burst = Math.max(1, Math.min(rate, burst));
        assertThat(limit.burstKb()).as("the burst rule for %d kbps", rate).isEqualTo(burst);
        assertThat(limit.burstKb()).as("burst at most one second of the rate")
                .isBetween(1L, limit.rateKbps());
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
