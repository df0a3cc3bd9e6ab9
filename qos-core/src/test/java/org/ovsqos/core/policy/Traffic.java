package org.ovsqos.core.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ovsqos.core.config.QosConfig;

/**
 * Drives one interface through {@link TierPolicy} on a fake timeline of seconds after
 * {@link #T0}, checking every step with a {@link PolicyChecker} and recording transitions as
 * {@code "0->1 ESCALATED @960"}. Usage is given as a fraction of the base rate and turned into
 * exactly the bytes that produce it.
 */
final class Traffic {
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final long START_RX = 1_000_000_000L;

    private final QosConfig config;
    private final long baseKbps;
    private final PolicyChecker checker;
    private final List<String> transitions = new ArrayList<>();
    private InterfaceState state = InterfaceState.initial();
    private Optional<Observation> last = Optional.empty();
    private StepResult result;

    Traffic(QosConfig config, long baseKbps) {
        this.config = config;
        this.baseKbps = baseKbps;
        this.checker = new PolicyChecker(config);
    }

    Traffic(QosConfig config) {
        this(config, config.baseKbps());
    }

    static Instant at(double seconds) {
        long nanos = BigDecimal.valueOf(seconds).movePointRight(9)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        return T0.plus(Duration.ofNanos(nanos));
    }

    static String seconds(Instant t) {
        Duration d = Duration.between(T0, t);
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9))
                .stripTrailingZeros().toPlainString();
    }

    /** Bytes that carry {@code usage × base} over {@code elapsed}. */
    static long bytes(double usage, long baseKbps, Duration elapsed) {
        BigDecimal secs = BigDecimal.valueOf(elapsed.getSeconds()).add(BigDecimal.valueOf(elapsed.getNano(), 9));
        return BigDecimal.valueOf(usage).multiply(BigDecimal.valueOf(baseKbps)).multiply(secs)
                .multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(8), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** An observation at {@code t} carrying {@code usage} since the previous one; now = t. */
    StepResult observe(double t, double usage) {
        return observeLate(t, t, usage);
    }

    /** A tick at {@code now} seeing a counter last refreshed at {@code observedAt}. */
    StepResult observeLate(double now, double observedAt, double usage) {
        Instant when = at(observedAt);
        long rx = last.map(o -> o.rxBytes() + bytes(usage, baseKbps,
                Duration.between(o.observedAt(), when).abs())).orElse(START_RX);
        return feed(at(now), Optional.of(new Observation(rx, when)));
    }

    /** Observations at {@code from}, {@code from + every}, ... up to {@code to} inclusive. */
    Traffic run(double from, double to, double every, double usage) {
        for (BigDecimal t = BigDecimal.valueOf(from); t.compareTo(BigDecimal.valueOf(to)) <= 0;
                t = t.add(BigDecimal.valueOf(every))) {
            observe(t.doubleValue(), usage);
        }
        return this;
    }

    /** A tick with no statistics. */
    StepResult silent(double t) {
        return feed(at(t), Optional.empty());
    }

    /** A tick seeing the previous observation again, unchanged. */
    StepResult repeat(double t) {
        return feed(at(t), last);
    }

    /** The counter leaps {@code by} bytes beyond its last value (a corrupted counter). */
    StepResult jumpCounter(double t, long by) {
        long rx = last.map(Observation::rxBytes).orElse(START_RX) + by;
        return feed(at(t), Optional.of(new Observation(rx, at(t))));
    }

    /** The counter starts over below its last value (interface re-created). */
    StepResult resetCounter(double t, long rx) {
        return feed(at(t), Optional.of(new Observation(rx, at(t))));
    }

    StepResult feed(Instant now, Optional<Observation> obs) {
        result = obs.isPresent()
                ? TierPolicy.step(state, obs.get(), now, baseKbps, config)
                : TierPolicy.stepWithoutSample(state, now, baseKbps, config);
        checker.step(now, obs, baseKbps, Outcome.of(result));
        result.transition().ifPresent(t ->
                transitions.add(t.from() + "->" + t.to() + " " + t.reason() + " @" + seconds(now)));
        state = result.state();
        if (obs.isPresent()) {
            last = obs;
        }
        return result;
    }

    List<String> transitions() {
        return transitions;
    }

    InterfaceState state() {
        return state;
    }

    StepResult result() {
        return result;
    }

    int tier() {
        return state.tier();
    }

    PolicyChecker checker() {
        return checker;
    }
}
