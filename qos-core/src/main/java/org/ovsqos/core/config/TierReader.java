package org.ovsqos.core.config;

import static org.ovsqos.core.config.Keys.PENALTY_SECONDS;
import static org.ovsqos.core.config.Keys.RATE_FRACTION;
import static org.ovsqos.core.config.Keys.TIERS;
import static org.ovsqos.core.config.Keys.TRIGGER_SECONDS;
import static org.ovsqos.core.config.Keys.USAGE_FRACTION;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The tiers: the {@code tiers} list when it is given and valid, else the two tiers of the
 * {@code stage1_*}/{@code stage2_*} keys. A list is all or nothing: dropping one bad entry would
 * silently renumber the tiers after it.
 */
final class TierReader {
    private static final String FALLBACK =
            "the tiers list is ignored and the stage1_*/stage2_* keys are used";

    private final Fields fields;
    private final List<ConfigProblem> problems;
    private boolean fromList;

    TierReader(Fields fields, List<ConfigProblem> problems) {
        this.fields = fields;
        this.problems = problems;
    }

    List<Tier> read(JsonNode root) {
        JsonNode list = root.get(TIERS);
        if (list != null) {
            Optional<List<Tier>> tiers = readList(list);
            if (tiers.isPresent()) {
                for (String key : stageKeys()) {
                    if (root.has(key)) {
                        problems.add(ConfigProblem.warning(key,
                                "is ignored because " + TIERS + " is given"));
                    }
                }
                fromList = true;
                return tiers.get();
            }
        }
        return readStageKeys(root);
    }

    /** The key that set tier {@code index}'s (0-based) trigger, as the file wrote it. */
    String triggerKey(int index) {
        return fromList ? TIERS + "[" + index + "]." + TRIGGER_SECONDS
                : Keys.stage(index + 1, TRIGGER_SECONDS);
    }

    private Optional<List<Tier>> readList(JsonNode list) {
        if (!list.isArray()) {
            problems.add(ConfigProblem.warning(TIERS, Values.render(list)
                    + " is not a list of tier objects; " + FALLBACK));
            return Optional.empty();
        }
        List<Tier> tiers = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < list.size(); i++) {
            Optional<Tier> tier = readEntry(TIERS + "[" + i + "]", list.get(i));
            tier.ifPresent(tiers::add);
            valid &= tier.isPresent();
        }
        return valid ? Optional.of(tiers) : Optional.empty();
    }

    private Optional<Tier> readEntry(String at, JsonNode entry) {
        if (!entry.isObject()) {
            problems.add(ConfigProblem.warning(at,
                    Values.render(entry) + " is not an object; " + FALLBACK));
            return Optional.empty();
        }
        fields.reportUnknown(entry, at + ".", new HashSet<>(Keys.TIER_FIELDS));
        String prefix = at + ".";
        Optional<BigDecimal> usage = fields.required(entry, prefix, USAGE_FRACTION, FALLBACK)
                .flatMap(n -> fields.numberValue(n, prefix + USAGE_FRACTION, Range.FRACTION, FALLBACK));
        Optional<Duration> trigger = fields.required(entry, prefix, TRIGGER_SECONDS, FALLBACK)
                .flatMap(n -> fields.secondsValue(n, prefix + TRIGGER_SECONDS, Range.TIER_SECONDS, FALLBACK));
        Optional<BigDecimal> rate = fields.required(entry, prefix, RATE_FRACTION, FALLBACK)
                .flatMap(n -> fields.numberValue(n, prefix + RATE_FRACTION, Range.FRACTION, FALLBACK));
        Optional<Duration> penalty = fields.required(entry, prefix, PENALTY_SECONDS, FALLBACK)
                .flatMap(n -> fields.secondsValue(n, prefix + PENALTY_SECONDS, Range.TIER_SECONDS, FALLBACK));
        if (usage.isEmpty() || trigger.isEmpty() || rate.isEmpty() || penalty.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Tier(usage.get().doubleValue(), trigger.get(),
                rate.get().doubleValue(), penalty.get()));
    }

    private List<Tier> readStageKeys(JsonNode root) {
        List<Tier> tiers = new ArrayList<>();
        for (int n = 1; n <= Keys.STAGE_KEY_TIERS; n++) {
            Tier d = QosConfig.DEFAULT_TIERS.get(n - 1);
            double usage = fields.number(root, Keys.stage(n, USAGE_FRACTION), Range.FRACTION,
                            "using default " + Values.fraction(d.usageFraction()))
                    .map(BigDecimal::doubleValue).orElse(d.usageFraction());
            Duration trigger = fields.seconds(root, Keys.stage(n, TRIGGER_SECONDS),
                            Range.TIER_SECONDS, "using default " + Values.seconds(d.trigger()))
                    .orElse(d.trigger());
            double rate = fields.number(root, Keys.stage(n, RATE_FRACTION), Range.FRACTION,
                            "using default " + Values.fraction(d.rateFraction()))
                    .map(BigDecimal::doubleValue).orElse(d.rateFraction());
            Duration penalty = fields.seconds(root, Keys.stage(n, PENALTY_SECONDS),
                            Range.TIER_SECONDS, "using default " + Values.seconds(d.penalty()))
                    .orElse(d.penalty());
            tiers.add(new Tier(usage, trigger, rate, penalty));
        }
        return tiers;
    }

    private static List<String> stageKeys() {
        List<String> keys = new ArrayList<>();
        for (int n = 1; n <= Keys.STAGE_KEY_TIERS; n++) {
            for (String field : Keys.TIER_FIELDS) {
                keys.add(Keys.stage(n, field));
            }
        }
        return keys;
    }
}
