package org.ovsqos.core.state;

import static org.ovsqos.core.state.StateFields.BASE_KBPS;
import static org.ovsqos.core.state.StateFields.LAST_MBPS;
import static org.ovsqos.core.state.StateFields.LAST_OBSERVED_AT;
import static org.ovsqos.core.state.StateFields.LAST_RX_BYTES;
import static org.ovsqos.core.state.StateFields.MAX_STAGE;
import static org.ovsqos.core.state.StateFields.OLD_COND1_START;
import static org.ovsqos.core.state.StateFields.OLD_COND2_START;
import static org.ovsqos.core.state.StateFields.OLD_LAST_TS;
import static org.ovsqos.core.state.StateFields.OLD_STAGE_UNTIL;
import static org.ovsqos.core.state.StateFields.OVER_SINCE;
import static org.ovsqos.core.state.StateFields.PENALTY_UNTIL;
import static org.ovsqos.core.state.StateFields.STAGE;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.policy.InterfaceState;
import org.ovsqos.core.policy.Observation;
import org.ovsqos.core.policy.StateRecord;

/**
 * Turns one interface's JSON into a record. A record without a trustworthy stage and penalty
 * end is dropped; a bad optional field (timer, baseline, rate, base) is dropped alone, since the
 * penalty is what matters and the rest is rebuilt within a sample or two.
 */
final class RecordReader {
    /** Epoch seconds beyond this (year 5138) are damage, not time. */
    private static final BigDecimal MAX_EPOCH_SECONDS = new BigDecimal("1e11");

    private final List<String> problems;

    RecordReader(List<String> problems) {
        this.problems = problems;
    }

    /** A record of this program's format (version 1). */
    Optional<StateRecord> current(String name, JsonNode node) {
        if (!node.isObject()) {
            return drop(name, "is " + describe(node) + ", not an object");
        }
        OptionalLong stage = stage(node.get(STAGE));
        if (stage.isEmpty()) {
            return drop(name, STAGE + " " + show(node.get(STAGE))
                    + " is not a whole number from 0 to " + MAX_STAGE);
        }
        Optional<Instant> until = Optional.empty();
        if (stage.getAsLong() > 0) {
            until = instant(node.get(PENALTY_UNTIL));
            if (until.isEmpty()) {
                return drop(name, PENALTY_UNTIL + " " + show(node.get(PENALTY_UNTIL))
                        + " is not a time, and stage " + stage.getAsLong() + " needs one");
            }
        }
        Optional<Instant> overSince = optionalInstant(name, node, OVER_SINCE);
        Optional<Observation> baseline = baseline(name, node, LAST_RX_BYTES, LAST_OBSERVED_AT);
        double mbps = mbps(name, node.get(LAST_MBPS));
        OptionalLong base = base(name, node.get(BASE_KBPS));
        return Optional.of(new StateRecord(name, new InterfaceState((int) stage.getAsLong(), until,
                overSince, baseline, mbps), base));
    }

    /** A record of the old script's {@code state.json}: epoch-second floats, two stages. */
    Optional<StateRecord> old(String name, JsonNode node) {
        OptionalLong stage = stage(node.get(STAGE));
        if (stage.isEmpty() || stage.getAsLong() > 2) {
            return drop(name, STAGE + " " + show(node.get(STAGE)) + " is not 0, 1 or 2");
        }
        int tier = (int) stage.getAsLong();
        Optional<Instant> until = Optional.empty();
        if (tier > 0) {
            until = instant(node.get(OLD_STAGE_UNTIL));
            if (until.isEmpty()) {
                return drop(name, OLD_STAGE_UNTIL + " " + show(node.get(OLD_STAGE_UNTIL))
                        + " is not a time, and stage " + tier + " needs one");
            }
        }
        // The old script ran one timer per stage; only the one for the next stage mattered.
        Optional<Instant> overSince = switch (tier) {
            case 0 -> optionalInstant(name, node, OLD_COND1_START);
            case 1 -> optionalInstant(name, node, OLD_COND2_START);
            default -> Optional.empty();
        };
        Optional<Observation> baseline = baseline(name, node, LAST_RX_BYTES, OLD_LAST_TS);
        double mbps = mbps(name, node.get(LAST_MBPS));
        return Optional.of(new StateRecord(name,
                new InterfaceState(tier, until, overSince, baseline, mbps), OptionalLong.empty()));
    }

    private Optional<StateRecord> drop(String name, String why) {
        problems.add(name + ": " + why + "; record dropped");
        return Optional.empty();
    }

    private void ignore(String name, String field, JsonNode value, String why) {
        problems.add(name + ": " + field + " " + show(value) + " " + why + "; ignored");
    }

    private static OptionalLong stage(JsonNode node) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            return OptionalLong.empty();
        }
        long v = node.longValue();
        return v >= 0 && v <= MAX_STAGE ? OptionalLong.of(v) : OptionalLong.empty();
    }

    private Optional<Instant> optionalInstant(String name, JsonNode record, String field) {
        JsonNode node = record.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        Optional<Instant> t = instant(node);
        if (t.isEmpty()) {
            ignore(name, field, node, "is not a time");
        }
        return t;
    }

    private Optional<Observation> baseline(String name, JsonNode record, String rxField,
            String atField) {
        JsonNode rx = record.get(rxField);
        JsonNode at = record.get(atField);
        if ((rx == null || rx.isNull()) && (at == null || at.isNull())) {
            return Optional.empty();
        }
        Optional<Instant> when = at == null ? Optional.empty() : instant(at);
        if (rx == null || !rx.isIntegralNumber() || !rx.canConvertToLong() || rx.longValue() < 0
                || when.isEmpty()) {
            problems.add(name + ": baseline " + rxField + "=" + show(rx) + " " + atField + "="
                    + show(at) + " is not a counter and a time; ignored (measuring starts over)");
            return Optional.empty();
        }
        return Optional.of(new Observation(rx.longValue(), when.get()));
    }

    private double mbps(String name, JsonNode node) {
        if (node == null || node.isNull()) {
            return 0.0;
        }
        double v = node.isNumber() ? node.doubleValue() : Double.NaN;
        if (!(v >= 0.0) || Double.isInfinite(v)) {
            ignore(name, LAST_MBPS, node, "is not a rate");
            return 0.0;
        }
        return v;
    }

    private OptionalLong base(String name, JsonNode node) {
        if (node == null || node.isNull()) {
            return OptionalLong.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 1
                || node.longValue() > QosConfig.MAX_BASE_KBPS) {
            ignore(name, BASE_KBPS, node, "is not a base rate in kbps");
            return OptionalLong.empty();
        }
        return OptionalLong.of(node.longValue());
    }

    /** An ISO-8601 instant, or (as the old script wrote them) epoch seconds. */
    static Optional<Instant> instant(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        try {
            if (node.isTextual()) {
                return Optional.of(Instant.parse(node.textValue()));
            }
            if (node.isNumber()) {
                BigDecimal seconds = node.decimalValue();
                if (seconds.signum() <= 0 || seconds.compareTo(MAX_EPOCH_SECONDS) > 0) {
                    return Optional.empty();
                }
                long whole = seconds.longValue();
                long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
                return Optional.of(Instant.ofEpochSecond(whole, nanos));
            }
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static String show(JsonNode node) {
        if (node == null) {
            return "(missing)";
        }
        String text = node.toString();
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case NULL -> "null";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
