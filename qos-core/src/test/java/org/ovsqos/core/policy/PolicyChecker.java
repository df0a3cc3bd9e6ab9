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
 * <p>It keeps its own account of the evidence (previous observation, tick time at which the
 * current run of samples at or over the next tier's threshold began) from the raw inputs,
 * independently of the state the policy keeps, and checks after every step:
 * <ul>
 *   <li>a rate is measured exactly when the observation is later than the previous one, within
 *       twice the interval, with a counter that did not go down and a rate of at most
 *       {@link Observation#MAX_PLAUSIBLE_MBPS}; so a measured rate is never negative;
 *   <li>the limit is the base times the current tier's fraction (the base itself at tier 0), or,
 *       for a penalty whose tier a reload removed, the limit it had before;
 *   <li>the burst is {@code max(floor(rate × fraction), min_kb)}, capped at the rate, never 0;
 *   <li>an escalation happens only on a measured sample, never after silence or a stale gap, and
 *       only when every sample since the run began was at or over the threshold for at least the
 *       trigger time, counted between tick times; and when that evidence is there, the
 *       escalation does happen;
 *   <li>a penalty never lasts longer than configured: it ends at most its tier's penalty after
 *       it began, and no step leaves a penalty in force at or after its end;
 *   <li>tiers move only by one step up (escalation) or down to 0 (expiry, release), each with its
 *       transition; a reload moves none but those whose time is up.
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
    /** The limit of a penalty whose tier a reload removed. */
    private Optional<Limit> held = Optional.empty();
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
            assertThat(mbps).as("a rate is never negative nor impossible")
                    .isBetween(0.0, Observation.MAX_PLAUSIBLE_MBPS);
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
                Instant start = runStart.orElse(now);
                runStart = Optional.of(start);
                evidence = Duration.between(start, now).compareTo(next.trigger()) >= 0;
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
                held = Optional.empty();
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
     * The book adopted {@code next}; the interface now has {@code state} and is policed at
     * {@code after}, having been policed at {@code before}. {@code t} is the transition reported
     * for it, empty for an absent interface (reload reports none for those).
     */
    void reloaded(QosConfig next, Instant now, InterfaceState state, Optional<Optional<Transition>> t,
            Limit before, Limit after) {
        boolean over = tier > 0 && !now.isBefore(until.orElseThrow());
        int expected = over ? 0 : tier;
        assertThat(state.tier()).as("a reload keeps the tier, and ends a penalty whose time is up")
                .isEqualTo(expected);
        if (t.isPresent() && over) {
            assertThat(t.get()).hasValue(new Transition(tier, 0, Reason.EXPIRED));
        } else if (t.isPresent()) {
            assertThat(t.get()).isEmpty();
        }
        if (expected > next.tiers().size()) {
            assertThat(state.penaltyUntil()).as("a penalty whose tier a reload removed keeps its end")
                    .isEqualTo(until);
            assertThat(after).as("a penalty whose tier a reload removed keeps its limit")
                    .isEqualTo(before);
            assertThat(state.overSince()).as("no next tier, no timer").isEmpty();
            held = Optional.of(before);
            checkPenalty(now, expected, state.penaltyUntil());
        } else if (expected > 0) {
            Instant cap = now.plus(next.tiers().get(expected - 1).penalty());
            Instant end = state.penaltyUntil().orElseThrow();
            assertThat(end).as("a reload never lengthens a penalty").isBeforeOrEqualTo(until.orElseThrow());
            assertThat(end).as("a reload caps a penalty at the new tier's length").isBeforeOrEqualTo(cap);
            deadline = deadline.map(d -> d.isBefore(cap) ? d : cap);
            held = Optional.empty();
            checkPenalty(now, expected, state.penaltyUntil());
        } else {
            deadline = Optional.empty();
            held = Optional.empty();
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
        held = Optional.empty();
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
        Duration elapsed = Duration.between(p.observedAt(), o.observedAt());
        if (elapsed.compareTo(config.sampleInterval().multipliedBy(2)) > 0) {
            return Kind.STALE;
        }
        if (o.rxBytes() < p.rxBytes()) {
            return Kind.RESTART;
        }
        double mbps = (o.rxBytes() - p.rxBytes()) * 8.0 / seconds(elapsed) / 1e6;
        return mbps > Observation.MAX_PLAUSIBLE_MBPS ? Kind.RESTART : Kind.VALID;
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

    /**
     * The limit and burst rules, restated; a penalty whose tier a reload removed keeps the limit
     * it had ({@code baseKbps} is then not needed).
     */
    void checkLimit(Limit limit, int t, long baseKbps) {
        if (t > config.tiers().size()) {
            assertThat(held).as("tier %d is beyond the configuration only while held", t).isPresent();
            assertThat(limit).as("a held penalty keeps its limit").isEqualTo(held.get());
            return;
        }
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
