package org.ovsqos.core.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The daemon's configuration, immutable. Built by {@link ConfigParser} from
 * {@code config.json}, or by {@link #builder()} (which validates in {@link QosConfigBuilder#build()}).
 * Every default is the old script's; the keys are described in {@code docs/configuration.md}.
 */
public final class QosConfig {
    public static final long DEFAULT_BASE_KBPS = 1_000_000L;
    /** Largest base rate: OVS hands the rate to the kernel as a 32-bit kbps value. */
    public static final long MAX_BASE_KBPS = 4_294_967_000L;
    public static final String DEFAULT_IFACE_NAME_REGEX = "^kvm[0-9]+\\..*$";
    public static final Duration DEFAULT_SAMPLE_INTERVAL = Duration.ofSeconds(60);
    public static final Tier DEFAULT_STAGE1 =
            new Tier(0.9, Duration.ofSeconds(900), 0.9, Duration.ofSeconds(1800));
    /**
     * Stage 2 with the old program's own default trigger, 1700 s. Its README's 1800 s can never
     * finish inside the 1800 s stage-1 penalty, since the timer starts at the first sample in
     * stage 1; 1700 s finishes on the sample at which that penalty ends.
     */
    public static final Tier DEFAULT_STAGE2 =
            new Tier(0.8, Duration.ofSeconds(1700), 0.8, Duration.ofSeconds(3600));
    public static final List<Tier> DEFAULT_TIERS = List.of(DEFAULT_STAGE1, DEFAULT_STAGE2);
    public static final double DEFAULT_BURST_FRACTION = 0.1;
    public static final long DEFAULT_BURST_MIN_KB = 2000L;
    public static final boolean DEFAULT_DRY_RUN = false;
    public static final Path DEFAULT_STATE_PATH = Path.of("/run/ovs-qos/state.json");
    /** The daemon's log levels, least verbose first; {@code --log-level} overrides the file's. */
    public static final List<String> LOG_LEVELS = List.of("error", "warn", "info", "debug");
    public static final String DEFAULT_LOG_LEVEL = "info";

    public static final Duration MIN_SAMPLE_INTERVAL = Duration.ofMillis(10);
    public static final Duration MAX_SAMPLE_INTERVAL = Duration.ofDays(1);
    /** Longest trigger or penalty: long enough for any plan, short enough never to overflow. */
    public static final Duration MAX_TIER_DURATION = Duration.ofDays(365);
    public static final long MAX_BURST_MIN_KB = 4_294_967_295L;

    /** The Interface row key whose value, in Mbit/s, overrides the file's base rate. */
    public static final String EXTERNAL_BASE_KEY = "ovs-qos-base-mbit";

    private static final QosConfig DEFAULTS = builder().build();

    private final long baseKbps;
    private final List<NamePattern> ifaceNameRegexes;
    private final List<NamePattern> excludeRegexes;
    private final Duration sampleInterval;
    private final List<Tier> tiers;
    private final List<BaseRateOverride> baseRateOverrides;
    private final double burstFraction;
    private final long burstMinKb;
    private final boolean dryRun;
    private final Path statePath;
    private final Optional<ListenAddress> metricsListen;
    private final String logLevel;

    QosConfig(QosConfigBuilder b) {
        this.baseKbps = b.baseKbps;
        this.ifaceNameRegexes = List.copyOf(b.ifaceNameRegexes);
        this.excludeRegexes = List.copyOf(b.excludeRegexes);
        this.sampleInterval = b.sampleInterval;
        this.tiers = List.copyOf(b.tiers);
        this.baseRateOverrides = List.copyOf(b.baseRateOverrides);
        this.burstFraction = b.burstFraction;
        this.burstMinKb = b.burstMinKb;
        this.dryRun = b.dryRun;
        this.statePath = b.statePath;
        this.metricsListen = b.metricsListen;
        this.logLevel = b.logLevel;
    }

    /** The configuration used when there is no file. */
    public static QosConfig defaults() {
        return DEFAULTS;
    }

    public static QosConfigBuilder builder() {
        return new QosConfigBuilder();
    }

    public QosConfigBuilder toBuilder() {
        return new QosConfigBuilder(this);
    }

    /** True when some {@code iface_name_regexes} entry and no {@code exclude_regexes} entry matches. */
    public boolean manages(String ifaceName) {
        return ifaceNameRegexes.stream().anyMatch(p -> p.matches(ifaceName))
                && excludeRegexes.stream().noneMatch(p -> p.matches(ifaceName));
    }

    /** The base rate of {@code ifaceName} in kbps; see {@link #resolveBase}. */
    public long baseKbps(String ifaceName, Optional<String> externalBaseMbit) {
        return resolveBase(ifaceName, externalBaseMbit).kbps();
    }

    /**
     * The base rate of {@code ifaceName}: the Interface row's
     * {@code external_ids:ovs-qos-base-mbit} when it is set and valid, else the first matching
     * {@code base_rate_overrides} entry, else {@code base_rate_mbit}. An invalid external value
     * is ignored, and the result says why.
     */
    public BaseRate resolveBase(String ifaceName, Optional<String> externalBaseMbit) {
        BaseRate fromFile = baseRateOverrides.stream()
                .filter(o -> o.regex().matches(ifaceName))
                .findFirst()
                .map(o -> new BaseRate(o.baseKbps(), BaseRate.Source.OVERRIDE, Optional.empty()))
                .orElseGet(() -> new BaseRate(baseKbps, BaseRate.Source.DEFAULT, Optional.empty()));
        if (externalBaseMbit.isEmpty()) {
            return fromFile;
        }
        String raw = externalBaseMbit.get();
        Optional<String> problem = externalProblem(raw);
        if (problem.isEmpty()) {
            long kbps = RateUnits.kbpsFromMbit(new BigDecimal(raw.strip()));
            return new BaseRate(kbps, BaseRate.Source.EXTERNAL_IDS, Optional.empty());
        }
        String using = fromFile.source() == BaseRate.Source.OVERRIDE
                ? "base_rate_overrides" : "base_rate_mbit";
        return new BaseRate(fromFile.kbps(), fromFile.source(), Optional.of(
                "external_ids:" + EXTERNAL_BASE_KEY + "=" + Values.quote(raw) + " " + problem.get()
                        + "; using " + Values.mbit(fromFile.kbps()) + " Mbit/s from " + using));
    }

    private static Optional<String> externalProblem(String raw) {
        BigDecimal mbit;
        try {
            mbit = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            return Optional.of("is not a number");
        }
        return RateUnits.mbitInRange(mbit)
                ? Optional.empty()
                : Optional.of("is out of range (must be " + RateUnits.mbitRangeText() + ")");
    }

    /** The limit of tier {@code tier} (0 = the base rate) for an interface with this base. */
    public long rateKbps(int tier, long baseKbps) {
        RateUnits.requireKbps("baseKbps", baseKbps);
        if (tier < 0 || tier > tiers.size()) {
            throw new IllegalArgumentException(
                    "tier must be in [0, " + tiers.size() + "], got " + tier);
        }
        return tier == 0 ? baseKbps : tiers.get(tier - 1).rateKbps(baseKbps);
    }

    /**
     * The burst rule: {@code max(floor(rate × burst_fraction), burst_min_kb)}, never more than one
     * second of the rate, and never 0 (OVS would substitute its own 8000 kb default).
     */
    public long burstKb(long rateKbps) {
        if (rateKbps < 1) {
            throw new IllegalArgumentException("rateKbps must be positive, got " + rateKbps);
        }
        long tenth = (long) (rateKbps * burstFraction);
        return Math.max(1L, Math.min(rateKbps, Math.max(tenth, burstMinKb)));
    }

    public long baseKbps() {
        return baseKbps;
    }

    /** {@code base_rate_mbit}: {@link #baseKbps()} in Mbit/s. */
    public double baseRateMbit() {
        return baseKbps / 1000.0;
    }

    public List<NamePattern> ifaceNameRegexes() {
        return ifaceNameRegexes;
    }

    public List<NamePattern> excludeRegexes() {
        return excludeRegexes;
    }

    public Duration sampleInterval() {
        return sampleInterval;
    }

    /** The gap between samples beyond which the rate baseline restarts: twice the interval. */
    public Duration staleGap() {
        return sampleInterval.multipliedBy(2);
    }

    /** The penalty tiers, tier 1 first; empty means interfaces are only policed at their base. */
    public List<Tier> tiers() {
        return tiers;
    }

    public List<BaseRateOverride> baseRateOverrides() {
        return baseRateOverrides;
    }

    public double burstFraction() {
        return burstFraction;
    }

    public long burstMinKb() {
        return burstMinKb;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public Path statePath() {
        return statePath;
    }

    /** Where to serve Prometheus metrics; empty when metrics are off. */
    public Optional<ListenAddress> metricsListen() {
        return metricsListen;
    }

    /** One of {@link #LOG_LEVELS}. */
    public String logLevel() {
        return logLevel;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QosConfig c
                && baseKbps == c.baseKbps
                && ifaceNameRegexes.equals(c.ifaceNameRegexes)
                && excludeRegexes.equals(c.excludeRegexes)
                && sampleInterval.equals(c.sampleInterval)
                && tiers.equals(c.tiers)
                && baseRateOverrides.equals(c.baseRateOverrides)
                && Double.compare(burstFraction, c.burstFraction) == 0
                && burstMinKb == c.burstMinKb
                && dryRun == c.dryRun
                && statePath.equals(c.statePath)
                && metricsListen.equals(c.metricsListen)
                && logLevel.equals(c.logLevel);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseKbps, ifaceNameRegexes, excludeRegexes, sampleInterval, tiers,
                baseRateOverrides, burstFraction, burstMinKb, dryRun, statePath, metricsListen, logLevel);
    }

    @Override
    public String toString() {
        return "QosConfig[baseKbps=" + baseKbps + ", ifaceNameRegexes=" + ifaceNameRegexes
                + ", excludeRegexes=" + excludeRegexes + ", sampleInterval=" + sampleInterval
                + ", tiers=" + tiers + ", baseRateOverrides=" + baseRateOverrides
                + ", burstFraction=" + burstFraction + ", burstMinKb=" + burstMinKb
                + ", dryRun=" + dryRun + ", statePath=" + statePath
                + ", metricsListen=" + metricsListen + ", logLevel=" + logLevel + "]";
    }
}
