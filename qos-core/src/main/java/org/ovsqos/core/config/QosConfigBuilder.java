package org.ovsqos.core.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Collects the settings of a {@link QosConfig}; {@link #build()} validates them all and throws on the first bad one. */
public final class QosConfigBuilder {
    long baseKbps = QosConfig.DEFAULT_BASE_KBPS;
    List<NamePattern> ifaceNameRegexes =
            List.of(NamePattern.compile(QosConfig.DEFAULT_IFACE_NAME_REGEX));
    List<NamePattern> excludeRegexes = List.of();
    Duration sampleInterval = QosConfig.DEFAULT_SAMPLE_INTERVAL;
    List<Tier> tiers = QosConfig.DEFAULT_TIERS;
    List<BaseRateOverride> baseRateOverrides = List.of();
    double burstFraction = QosConfig.DEFAULT_BURST_FRACTION;
    long burstMinKb = QosConfig.DEFAULT_BURST_MIN_KB;
    boolean dryRun = QosConfig.DEFAULT_DRY_RUN;
    Path statePath = QosConfig.DEFAULT_STATE_PATH;
    Optional<ListenAddress> metricsListen = Optional.empty();
    String logLevel = QosConfig.DEFAULT_LOG_LEVEL;

    QosConfigBuilder() {}

    QosConfigBuilder(QosConfig c) {
        baseKbps = c.baseKbps();
        ifaceNameRegexes = c.ifaceNameRegexes();
        excludeRegexes = c.excludeRegexes();
        sampleInterval = c.sampleInterval();
        tiers = c.tiers();
        baseRateOverrides = c.baseRateOverrides();
        burstFraction = c.burstFraction();
        burstMinKb = c.burstMinKb();
        dryRun = c.dryRun();
        statePath = c.statePath();
        metricsListen = c.metricsListen();
        logLevel = c.logLevel();
    }

    public QosConfigBuilder baseKbps(long kbps) {
        this.baseKbps = kbps;
        return this;
    }

    /** Sets the base rate in Mbit/s, truncated to whole kbps like the old script. */
    public QosConfigBuilder baseRateMbit(double mbit) {
        BigDecimal value = BigDecimal.valueOf(mbit);
        if (!RateUnits.mbitInRange(value)) {
            throw new IllegalArgumentException(
                    "baseRateMbit must be " + RateUnits.mbitRangeText() + ", got " + mbit);
        }
        return baseKbps(RateUnits.kbpsFromMbit(value));
    }

    public QosConfigBuilder ifaceNameRegexes(List<NamePattern> regexes) {
        this.ifaceNameRegexes = List.copyOf(regexes);
        return this;
    }

    /** Compiles each regex; throws {@link java.util.regex.PatternSyntaxException} on a bad one. */
    public QosConfigBuilder ifaceNameRegexes(String... regexes) {
        return ifaceNameRegexes(compileAll(regexes));
    }

    public QosConfigBuilder excludeRegexes(List<NamePattern> regexes) {
        this.excludeRegexes = List.copyOf(regexes);
        return this;
    }

    public QosConfigBuilder excludeRegexes(String... regexes) {
        return excludeRegexes(compileAll(regexes));
    }

    public QosConfigBuilder sampleInterval(Duration interval) {
        this.sampleInterval = Objects.requireNonNull(interval, "interval");
        return this;
    }

    public QosConfigBuilder tiers(List<Tier> tiers) {
        this.tiers = List.copyOf(tiers);
        return this;
    }

    public QosConfigBuilder baseRateOverrides(List<BaseRateOverride> overrides) {
        this.baseRateOverrides = List.copyOf(overrides);
        return this;
    }

    public QosConfigBuilder burstFraction(double fraction) {
        this.burstFraction = fraction;
        return this;
    }

    public QosConfigBuilder burstMinKb(long kb) {
        this.burstMinKb = kb;
        return this;
    }

    public QosConfigBuilder dryRun(boolean dryRun) {
        this.dryRun = dryRun;
        return this;
    }

    public QosConfigBuilder statePath(Path path) {
        this.statePath = Objects.requireNonNull(path, "path");
        return this;
    }

    public QosConfigBuilder metricsListen(Optional<ListenAddress> listen) {
        this.metricsListen = Objects.requireNonNull(listen, "listen");
        return this;
    }

    /** @throws IllegalArgumentException unless one of {@link #QosConfig.LOG_LEVELS} */
    public QosConfigBuilder logLevel(String level) {
        if (!QosConfig.LOG_LEVELS.contains(level)) {
            throw new IllegalArgumentException("logLevel must be one of " + QosConfig.LOG_LEVELS + ": " + level);
        }
        this.logLevel = level;
        return this;
    }

    public QosConfig build() {
        RateUnits.requireKbps("baseKbps", baseKbps);
        if (ifaceNameRegexes.isEmpty()) {
            throw new IllegalArgumentException("at least one interface name regex is required");
        }
        if (sampleInterval.compareTo(QosConfig.MIN_SAMPLE_INTERVAL) < 0
                || sampleInterval.compareTo(QosConfig.MAX_SAMPLE_INTERVAL) > 0) {
            throw new IllegalArgumentException("sampleInterval must be in ["
                    + QosConfig.MIN_SAMPLE_INTERVAL + ", " + QosConfig.MAX_SAMPLE_INTERVAL + "], got " + sampleInterval);
        }
        for (Tier tier : tiers) {
            if (tier.trigger().compareTo(QosConfig.MAX_TIER_DURATION) > 0
                    || tier.penalty().compareTo(QosConfig.MAX_TIER_DURATION) > 0) {
                throw new IllegalArgumentException(
                        "tier durations must be at most " + QosConfig.MAX_TIER_DURATION + ": " + tier);
            }
        }
        if (!(burstFraction > 0.0 && burstFraction <= 1.0)) {
            throw new IllegalArgumentException(
                    "burstFraction must be in (0, 1], got " + burstFraction);
        }
        if (burstMinKb < 0 || burstMinKb > QosConfig.MAX_BURST_MIN_KB) {
            throw new IllegalArgumentException(
                    "burstMinKb must be in [0, " + QosConfig.MAX_BURST_MIN_KB + "], got " + burstMinKb);
        }
        if (!statePath.isAbsolute()) {
            throw new IllegalArgumentException("statePath must be absolute, got " + statePath);
        }
        return new QosConfig(this);
    }

    private static List<NamePattern> compileAll(String... regexes) {
        List<NamePattern> out = new ArrayList<>();
        for (String regex : regexes) {
            out.add(NamePattern.compile(regex));
        }
        return out;
    }
}
