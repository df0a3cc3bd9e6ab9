package org.ovsqos.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reads of single values. A bad value yields empty and one problem that names the key, the
 * value as written and {@code consequence} (what is used instead); an absent key yields empty
 * silently, so the caller's default applies.
 */
final class Fields {
    private final List<ConfigProblem> problems;

    Fields(List<ConfigProblem> problems) {
        this.problems = problems;
    }

    Optional<BigDecimal> number(JsonNode parent, String key, Range range, String consequence) {
        JsonNode node = parent.get(key);
        return node == null ? Optional.empty() : numberValue(node, key, range, consequence);
    }

    Optional<BigDecimal> numberValue(JsonNode node, String key, Range range, String consequence) {
        // Booleans are not numbers here, as in the old script (Python's bool is an int).
        if (!node.isNumber()) {
            problems.add(ConfigProblem.warning(key,
                    Values.render(node) + " is not a number; " + consequence));
            return Optional.empty();
        }
        BigDecimal value = node.decimalValue();
        if (!range.contains(value)) {
            problems.add(ConfigProblem.warning(key, Values.render(node)
                    + " is out of range (must be " + range.describe() + "); " + consequence));
            return Optional.empty();
        }
        if (value.signum() != 0 && value.doubleValue() == 0.0) {
            // In range as written, but 0 once it is a double: 1e-400 would divide by zero later.
            problems.add(ConfigProblem.warning(key,
                    Values.render(node) + " is too small to be used; " + consequence));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    Optional<Duration> seconds(JsonNode parent, String key, Range range, String consequence) {
        JsonNode node = parent.get(key);
        return node == null ? Optional.empty() : secondsValue(node, key, range, consequence);
    }

    /** Fractional seconds, kept to the nanosecond. */
    Optional<Duration> secondsValue(JsonNode node, String key, Range range, String consequence) {
        return numberValue(node, key, range, consequence).flatMap(seconds -> {
            long nanos = seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact();
            if (nanos <= 0) {
                problems.add(ConfigProblem.warning(key, Values.render(node)
                        + " is shorter than a nanosecond; " + consequence));
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos(nanos));
        });
    }

    Optional<Long> wholeNumber(JsonNode parent, String key, Range range, String consequence) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return Optional.empty();
        }
        return numberValue(node, key, range, consequence).flatMap(value -> {
            if (value.stripTrailingZeros().scale() > 0) {
                problems.add(ConfigProblem.warning(key,
                        Values.render(node) + " is not a whole number; " + consequence));
                return Optional.empty();
            }
            return Optional.of(value.longValueExact());
        });
    }

    Optional<Boolean> bool(JsonNode parent, String key, String consequence) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            problems.add(ConfigProblem.warning(key,
                    Values.render(node) + " is not true or false; " + consequence));
            return Optional.empty();
        }
        return Optional.of(node.booleanValue());
    }

    /** The field of an entry that must be there; a missing one is a problem. */
    Optional<JsonNode> required(JsonNode entry, String prefix, String field, String consequence) {
        JsonNode node = entry.get(field);
        if (node == null) {
            problems.add(ConfigProblem.warning(prefix + field, "is missing; " + consequence));
        }
        return Optional.ofNullable(node);
    }

    void reportUnknown(JsonNode object, String prefix, Set<String> known) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                problems.add(ConfigProblem.warning(prefix + Values.keyName(name),
                        "is not a known key (a typo?); ignored"));
            }
        }
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
