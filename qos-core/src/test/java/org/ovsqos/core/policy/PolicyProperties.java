package org.ovsqos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.config.Tier;

/**
 * Random traffic histories through {@link TierPolicy}, every step checked by the shared
 * {@link PolicyChecker}: the same invariants the example tests check, over histories no one
 * would write by hand (thresholds hit exactly, gaps of exactly and just over twice the interval,
 * late and repeated observations, counter resets, the clock going back, any number of tiers).
 */
class PolicyProperties {

    enum Kind { SAMPLE, LATE, SILENCE, REPEAT, RESET, CLOCK_BACK }

    /** One tick of a history; the picks are resolved against the configuration when run. */
    record Event(Kind kind, int gapPick, int usagePick, double fraction) {}

    record History(QosConfig config, long baseKbps, List<Event> events) {}

    @Property(tries = 400)
    void everyStepOfAnyTrafficHistoryKeepsTheInvariants(@ForAll("histories") History h) {
        PolicyChecker checker = play(h, h.events()).checker();

        Statistics.label("escalated").collect(checker.escalations() > 0);
        Statistics.label("expired").collect(checker.expiries() > 0);
        Statistics.label("escalated").coverage(c -> c.check(true).percentage(p -> p >= 30));
        Statistics.label("expired").coverage(c -> c.check(true).percentage(p -> p >= 20));
    }

    @Property(tries = 200)
    void silenceNeverEscalates(@ForAll("histories") History h,
            @ForAll("silences") List<Event> silence) {
        Traffic t = play(h, h.events());
        int before = t.transitions().size();
        play(t, h, silence);

        assertThat(t.transitions().subList(before, t.transitions().size()))
                .noneMatch(s -> s.contains("ESCALATED"));
    }

    @Property(tries = 200)
    void aStaleGapNeverEscalates(@ForAll("histories") History h,
            @ForAll("usagePicks") int usagePick, @ForAll("overTwo") double intervalsOver2) {
        Traffic t = play(h, h.events());
        Duration gap = h.config().sampleInterval().multipliedBy(2).plusNanos(1)
                .plus(Duration.ofNanos((long) (h.config().sampleInterval().toNanos() * intervalsOver2)));
        Instant now = clock.plus(gap);
        long rx = lastRx + Traffic.bytes(usage(h.config(), usagePick, 0.5), h.baseKbps(), gap);

        StepResult r = t.feed(now, Optional.of(new Observation(rx, now)));

        assertThat(r.transition().filter(x -> x.reason() == Reason.ESCALATED)).isEmpty();
        assertThat(r.state().overSince()).isEmpty();
    }

    @Property(tries = 200)
    void sustainedSaturationEscalatesOnTheFirstSampleThatCompletesTheTriggerTime(
            @ForAll("configs") QosConfig config) {
        Traffic t = new Traffic(config, 1_000_000);
        Duration step = config.sampleInterval();
        Instant now = Traffic.T0;
        long rx = 0;
        t.feed(now, Optional.of(new Observation(rx, now)));
        for (int i = 0; i < 10_000 && t.tier() == 0 && !config.tiers().isEmpty(); i++) {
            now = now.plus(step);
            rx += Traffic.bytes(1.25, 1_000_000, step);
            t.feed(now, Optional.of(new Observation(rx, now)));
        }
        if (config.tiers().isEmpty()) {
            assertThat(t.tier()).isZero();
            return;
        }
        Duration held = Duration.between(Traffic.T0.plus(step), now);
        assertThat(t.tier()).isEqualTo(1);
        assertThat(held).isGreaterThanOrEqualTo(config.tiers().get(0).trigger());
        assertThat(held.minus(step)).isLessThan(config.tiers().get(0).trigger());
    }

    // --- running histories ---

    private Instant clock;
    private long lastRx;
    private Optional<Observation> lastObs;

    private Traffic play(History h, List<Event> events) {
        Traffic t = new Traffic(h.config(), h.baseKbps());
        clock = Traffic.T0;
        lastRx = Traffic.START_RX;
        lastObs = Optional.empty();
        play(t, h, events);
        return t;
    }

    private void play(Traffic t, History h, List<Event> events) {
        Duration interval = h.config().sampleInterval();
        for (Event e : events) {
            Duration gap = gap(interval, e.gapPick(), e.fraction());
            Optional<Observation> obs;
            switch (e.kind()) {
                case SAMPLE, LATE -> {
                    clock = clock.plus(gap);
                    Instant at = e.kind() == Kind.LATE
                            ? clock.minus(Duration.ofNanos((long) (interval.toNanos() * e.fraction())))
                            : clock;
                    Duration carried = lastObs.map(o -> Duration.between(o.observedAt(), at).abs())
                            .orElse(Duration.ZERO);
                    lastRx += Traffic.bytes(usage(h.config(), e.usagePick(), e.fraction()),
                            h.baseKbps(), carried);
                    obs = Optional.of(new Observation(lastRx, at));
                }
                case SILENCE -> {
                    clock = clock.plus(gap);
                    obs = Optional.empty();
                }
                case REPEAT -> {
                    clock = clock.plus(gap);
                    obs = lastObs;
                }
                case RESET -> {
                    clock = clock.plus(gap);
                    lastRx = (long) (lastRx * e.fraction() * 0.99);
                    obs = Optional.of(new Observation(lastRx, clock));
                }
                case CLOCK_BACK -> {
                    clock = clock.minus(gap);
                    obs = Optional.of(new Observation(lastRx, clock));
                }
                default -> throw new AssertionError(e.kind());
            }
            t.feed(clock, obs);
            if (obs.isPresent()) {
                lastObs = obs;
            }
        }
    }

    /** Mostly one interval; often exactly the edges of the gap rule. */
    private static Duration gap(Duration interval, int pick, double fraction) {
        return switch (pick) {
            case 0, 1, 2, 3, 4, 5 -> interval;
            case 6 -> interval.dividedBy(2);
            case 7 -> interval.multipliedBy(2);
            case 8 -> interval.multipliedBy(2).plusNanos(1);
            case 9 -> interval.multipliedBy(3);
            default -> Duration.ofNanos(1 + (long) (interval.toNanos() * 4 * fraction));
        };
    }

    /** Mostly saturating; often exactly at a tier's threshold or a hair under it. */
    private static double usage(QosConfig config, int pick, double fraction) {
        List<Tier> tiers = config.tiers();
        return switch (pick) {
            case 0 -> 0.0;
            case 1, 2, 3 -> 1.0;
            case 4 -> 1.25;
            case 5 -> fraction * 1.3;
            default -> {
                if (tiers.isEmpty()) {
                    yield fraction;
                }
                double threshold = tiers.get(pick % tiers.size()).usageFraction();
                yield pick % 2 == 0 ? threshold : Math.max(0, threshold - 1e-6);
            }
        };
    }

    // --- generators ---

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<Long> bases = Arbitraries.oneOf(
                Arbitraries.of(1L, 1_000L, 2_000L, 100_000L, 1_000_000L),
                Arbitraries.longs().between(1, 10_000_000));
        return Combinators.combine(configs(), bases, events().list().ofMinSize(1).ofMaxSize(300)
                        .withSizeDistribution(RandomDistribution.uniform()))
                .as(History::new);
    }

    @Provide
    Arbitrary<QosConfig> configs() {
        Arbitrary<Duration> intervals = Arbitraries.of(Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofMillis(500), Duration.ofMillis(1234));
        return intervals.flatMap(iv -> Combinators.combine(
                        tier(iv).list().ofMaxSize(4),
                        Arbitraries.doubles().between(0.01, 1.0).ofScale(6),
                        Arbitraries.longs().between(0, 5000))
                .as((tiers, burstFraction, burstMin) -> QosConfig.builder()
                        .sampleInterval(iv).tiers(tiers)
                        .burstFraction(burstFraction).burstMinKb(burstMin).build()));
    }

    private static Arbitrary<Tier> tier(Duration iv) {
        Arbitrary<Double> usage = Arbitraries.oneOf(Arbitraries.of(0.3, 0.5, 0.8, 0.9, 1.0),
                Arbitraries.doubles().between(0.01, 1.0).ofScale(6));
        Arbitrary<Duration> trigger = Combinators.combine(Arbitraries.integers().between(0, 8),
                        Arbitraries.of(0L, 1L, iv.toNanos() / 2))
                .as((k, extra) -> iv.multipliedBy(k).plusNanos(extra))
                .filter(d -> !d.isZero());
        Arbitrary<Double> rate = Arbitraries.oneOf(Arbitraries.of(0.1, 0.5, 0.8, 0.9, 1.0),
                Arbitraries.doubles().between(0.001, 1.0).ofScale(6));
        Arbitrary<Duration> penalty = Combinators.combine(Arbitraries.integers().between(0, 30),
                        Arbitraries.of(0L, 1L, iv.toNanos() / 2))
                .as((k, extra) -> iv.multipliedBy(k).plusNanos(extra))
                .filter(d -> !d.isZero());
        return Combinators.combine(usage, trigger, rate, penalty).as(Tier::new);
    }

    private static Arbitrary<Event> events() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(40, Kind.SAMPLE), Tuple.of(3, Kind.LATE), Tuple.of(3, Kind.SILENCE),
                Tuple.of(2, Kind.REPEAT), Tuple.of(1, Kind.RESET), Tuple.of(1, Kind.CLOCK_BACK));
        return Combinators.combine(kinds, gapPicks(),
                usagePicks(), Arbitraries.doubles().between(0.0, 1.0).ofScale(6)).as(Event::new);
    }

    /** Mostly regular sampling, so that triggers are reached; the gap rule's edges often. */
    private static Arbitrary<Integer> gapPicks() {
        return Arbitraries.frequency(Tuple.of(85, 0), Tuple.of(3, 6), Tuple.of(3, 7),
                Tuple.of(3, 8), Tuple.of(3, 9), Tuple.of(3, 10));
    }

    @Provide
    static Arbitrary<Integer> usagePicks() {
        // Runs of saturation long enough to reach the triggers, broken now and then.
        return Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(60, 1), Tuple.of(8, 4),
                Tuple.of(4, 5), Tuple.of(6, 6), Tuple.of(6, 7), Tuple.of(6, 8), Tuple.of(6, 9));
    }

    @Provide
    Arbitrary<List<Event>> silences() {
        Arbitrary<Event> quiet = Combinators.combine(Arbitraries.of(Kind.SILENCE, Kind.REPEAT),
                Arbitraries.integers().between(0, 10), usagePicks(),
                Arbitraries.doubles().between(0.0, 1.0).ofScale(6)).as(Event::new);
        return quiet.list().ofMinSize(1).ofMaxSize(100);
    }

    @Provide
    Arbitrary<Double> overTwo() {
        return Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.doubles().between(0.0, 100.0).ofScale(6));
    }
}
