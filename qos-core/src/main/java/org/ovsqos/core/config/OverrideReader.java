package org.ovsqos.core.config;

import static org.ovsqos.core.config.Keys.BASE_RATE_MBIT;
import static org.ovsqos.core.config.Keys.BASE_RATE_OVERRIDES;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code base_rate_overrides}: entries are independent, so a bad one is dropped alone and the
 * others keep their order (first match wins).
 */
final class OverrideReader {
    private final Fields fields;
    private final RegexReader regexes;
    private final List<ConfigProblem> problems;

    OverrideReader(Fields fields, RegexReader regexes, List<ConfigProblem> problems) {
        this.fields = fields;
        this.regexes = regexes;
        this.problems = problems;
    }

    List<BaseRateOverride> read(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(ConfigProblem.warning(BASE_RATE_OVERRIDES, Values.render(node)
                    + " is not a list of {\"regex\", \"base_rate_mbit\"} objects;"
                    + " using default [] (no overrides)"));
            return List.of();
        }
        List<BaseRateOverride> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = BASE_RATE_OVERRIDES + "[" + i + "]";
            JsonNode entry = node.get(i);
            if (!entry.isObject()) {
                problems.add(ConfigProblem.warning(at,
                        Values.render(entry) + " is not an object; entry dropped"));
                continue;
            }
            fields.reportUnknown(entry, at + ".", Set.of(Keys.REGEX, BASE_RATE_MBIT));
            Optional<NamePattern> regex = Optional.empty();
            JsonNode regexNode = entry.get(Keys.REGEX);
            if (regexNode == null) {
                problems.add(ConfigProblem.warning(at + "." + Keys.REGEX, "is missing; entry dropped"));
            } else if (!regexNode.isTextual()) {
                problems.add(ConfigProblem.warning(at + "." + Keys.REGEX,
                        Values.render(regexNode) + " is not a string; entry dropped"));
            } else {
                regex = regexes.compile(at + "." + Keys.REGEX, regexNode.textValue(), "entry dropped");
            }
            Optional<Long> kbps = fields.required(entry, at + ".", BASE_RATE_MBIT, "entry dropped")
                    .flatMap(n -> fields.numberValue(n, at + "." + BASE_RATE_MBIT, Range.BASE_MBIT,
                            "entry dropped"))
                    .map(RateUnits::kbpsFromMbit);
            if (regex.isPresent() && kbps.isPresent()) {
                out.add(new BaseRateOverride(regex.get(), kbps.get()));
            }
        }
        return out;
    }
}
