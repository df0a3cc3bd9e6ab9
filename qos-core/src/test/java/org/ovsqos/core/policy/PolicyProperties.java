package org.ovsqos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.config.Tier;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random traffic histories through {@link TierPolicy}, every step checked by the shared
 * {@link PolicyChecker}: the same invariants the example tests check, over histories no one
 * would write by hand (thresholds hit exactly, gaps of exactly and just over twice the interval,
 * late and repeated observations, counter resets and impossible leaps, the clock going back, any
 * number of tiers).
 */
class PolicyProperties {

    enum Kind { SAMPLE, LATE, SILENCE, REPEAT, RESET, JUMP, CLOCK_BACK }

    /** One tick of a history; the picks are resolved against the configuration when run. */
    record Event(Kind kind, int gapPick, int usagePick, double fraction) {}

    record History(QosConfig config, long baseKbps, List<Event> events) {}

    @Test
    void everyStepOfAnyTrafficHistoryKeepsTheInvariants() {
        Coverage coverage = new Coverage();
        qt().withExamples(400).forAll(histories()).checkAssert(h -> {
            PolicyChecker checker = play(h, h.events()).checker();

            coverage.collect("escalated", checker.escalations() > 0);
            coverage.collect("expired", checker.expiries() > 0);
        });
        coverage.assertAtLeast("escalated", 0.30);
        coverage.assertAtLeast("expired", 0.20);
    }

    @Test
    void silenceNeverEscalates() {
        qt().withExamples(200).forAll(histories(), silences()).checkAssert((h, silence) -> {
            Traffic t = play(h, h.events());
            int before = t.transitions().size();
            play(t, h, silence);

            assertThat(t.transitions().subList(before, t.transitions().size()))
                    .noneMatch(s -> s.contains("ESCALATED"));
        });
    }

    @Test
    void aStaleGapNeverEscalates() {
        qt().withExamples(200).forAll(histories(), usagePicks(), overTwo())
                .checkAssert((h, usagePick, intervalsOver2) -> {
                    Traffic t = play(h, h.events());
                    Duration gap = h.config().sampleInterval().multipliedBy(2).plusNanos(1)
                            .plus(Duration.ofNanos((long) (h.config().sampleInterval().toNanos() * intervalsOver2)));
                    Instant now = clock.plus(gap);
                    long rx = lastRx + Traffic.bytes(usage(h.config(), usagePick, 0.5), h.baseKbps(), gap);

                    StepResult r = t.feed(now, Optional.of(new Observation(rx, now)));

                    assertThat(r.transition().filter(x -> x.reason() == Reason.ESCALATED)).isEmpty();
                    assertThat(r.state().overSince()).isEmpty();
                });
    }

    @Test
    void sustainedSaturationEscalatesOnTheFirstTickThatCompletesTheTriggerTimeHoweverLateTheReadings() {
        qt().withExamples(200).forAll(configs(), longs().all()).checkAssert((config, seed) -> {
            // Each tick sees a counter read up to half an interval before it, as statistics
            // refreshed every few seconds are: the timer must not care.
            Random jitter = new Random(seed);
            Traffic t = new Traffic(config, 1_000_000);
            Duration step = config.sampleInterval();
            Instant now = Traffic.T0;
            long rx = 0;
            t.feed(now, Optional.of(new Observation(rx, now)));
            Instant readAt = now;
            for (int i = 0; i < 10_000 && t.tier() == 0 && !config.tiers().isEmpty(); i++) {
                now = now.plus(step);
                Instant read = now.minusNanos((long) (jitter.nextDouble() * step.toNanos() / 2));
                rx += Traffic.bytes(1.25, 1_000_000, Duration.between(readAt, read));
                readAt = read;
                t.feed(now, Optional.of(new Observation(rx, read)));
            }
            if (config.tiers().isEmpty()) {
                assertThat(t.tier()).isZero();
                return;
            }
            Duration held = Duration.between(Traffic.T0.plus(step), now);
            assertThat(t.tier()).isEqualTo(1);
            assertThat(held).isGreaterThanOrEqualTo(config.tiers().get(0).trigger());
            assertThat(held.minus(step)).isLessThan(config.tiers().get(0).trigger());
        });
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
                case JUMP -> {
                    // 2^50 bytes is over 1 Tbit/s across any gap the generator makes (at most
                    // four minutes); a rate is then impossible, and the baseline restarts.
                    clock = clock.plus(gap);
                    lastRx += 1L << 50;
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

    static Gen<History> histories() {
        Gen<Long> bases = Generate.oneOf(
                Generate.pick(List.of(1L, 1_000L, 2_000L, 100_000L, 1_000_000L)),
                longs().between(1, 10_000_000));
        return configs().zip(bases, lists().of(events()).ofSizeBetween(1, 300), History::new);
    }

    static Gen<QosConfig> configs() {
        Gen<Duration> intervals = Generate.pick(List.of(Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofMillis(500), Duration.ofMillis(1234)));
        return intervals.flatMap(iv -> lists().of(tier(iv)).ofSizeBetween(0, 4).zip(
                        Gens.decimals(0.01, 1.0, 6), longs().between(0, 5000),
                        (tiers, burstFraction, burstMin) -> QosConfig.builder()
                                .sampleInterval(iv).tiers(tiers)
                                .burstFraction(burstFraction).burstMinKb(burstMin).build()));
    }

    private static Gen<Tier> tier(Duration iv) {
        Gen<Double> usage = Generate.oneOf(Generate.pick(List.of(0.3, 0.5, 0.8, 0.9, 1.0)),
                Gens.decimals(0.01, 1.0, 6));
        Gen<Double> rate = Generate.oneOf(Generate.pick(List.of(0.1, 0.5, 0.8, 0.9, 1.0)),
                Gens.decimals(0.001, 1.0, 6));
        return usage.zip(durations(iv, 8), rate, durations(iv, 30), Tier::new);
    }

    /**
     * Whole multiples of the interval up to {@code maxIntervals}, exactly or plus a nanosecond or
     * half an interval, never zero: each of those equally likely.
     */
    private static Gen<Duration> durations(Duration iv, int maxIntervals) {
        List<Long> extras = List.of(0L, 1L, iv.toNanos() / 2);
        // n = 0 would be zero intervals plus nothing: the one combination a tier rejects.
        return integers().between(1, (maxIntervals + 1) * extras.size() - 1)
                .map(n -> iv.multipliedBy(n / extras.size()).plusNanos(extras.get(n % extras.size())));
    }

    private static Gen<Event> events() {
        Gen<Kind> kinds = Gens.weighted(List.of(
                Pair.of(40, Kind.SAMPLE), Pair.of(3, Kind.LATE), Pair.of(3, Kind.SILENCE),
                Pair.of(2, Kind.REPEAT), Pair.of(1, Kind.RESET), Pair.of(1, Kind.JUMP),
                Pair.of(1, Kind.CLOCK_BACK)));
        return kinds.zip(gapPicks(), usagePicks(), Gens.decimals(0.0, 1.0, 6), Event::new);
    }

    /** Mostly regular sampling, so that triggers are reached; the gap rule's edges often. */
    private static Gen<Integer> gapPicks() {
        return Gens.weighted(List.of(Pair.of(85, 0), Pair.of(3, 6), Pair.of(3, 7),
                Pair.of(3, 8), Pair.of(3, 9), Pair.of(3, 10)));
    }

    static Gen<Integer> usagePicks() {
        // Runs of saturation long enough to reach the triggers, broken now and then.
        return Gens.weighted(List.of(Pair.of(4, 0), Pair.of(60, 1), Pair.of(8, 4),
                Pair.of(4, 5), Pair.of(6, 6), Pair.of(6, 7), Pair.of(6, 8), Pair.of(6, 9)));
    }

    static Gen<List<Event>> silences() {
        Gen<Event> quiet = Generate.pick(List.of(Kind.SILENCE, Kind.REPEAT)).zip(
                integers().between(0, 10), usagePicks(), Gens.decimals(0.0, 1.0, 6), Event::new);
        return lists().of(quiet).ofSizeBetween(1, 100);
    }

    static Gen<Double> overTwo() {
        return Generate.oneOf(Generate.constant(0.0), Gens.decimals(0.0, 100.0, 6));
    }
}
