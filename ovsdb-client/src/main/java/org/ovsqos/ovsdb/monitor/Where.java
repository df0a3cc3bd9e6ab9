package org.ovsqos.ovsdb.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.NotationJson;

/**
 * The rows a conditional monitor reports, the {@code "where"} of a {@code <monitor-cond-request>}
 * (ovsdb-server(7), sections 4.1.12 and 5.1, an Open vSwitch extension of RFC 7047).
 *
 * <p>Unlike a transaction's {@code where}, whose conditions must all hold, a monitor's is a
 * disjunction: a row is reported when it matches <em>any</em> condition. On the wire the array
 * may also hold the booleans {@code true} (every row) and {@code false} (no row), and an empty
 * array means every row. The {@link Condition.Constant}s are folded in when a {@code Where} is
 * made: {@code true} makes it {@link #ALL}, {@code false} adds nothing.
 *
 * @param matchAll whether every row matches; then {@code conditions} is empty
 * @param conditions the conditions, any of which selects a row; none with {@code matchAll} false
 *     means no row
 */
public record Where(boolean matchAll, List<Condition> conditions) {
    /** Every row: an unconditional monitor. */
    public static final Where ALL = new Where(true, List.of());
    /** No row: keeps a table in the monitor without receiving any of it. */
    public static final Where NONE = new Where(false, List.of());

    public Where {
        conditions = List.copyOf(conditions);
        if (matchAll && !conditions.isEmpty()) {
            throw new IllegalArgumentException("a where that matches all rows has no conditions");
        }
        if (conditions.contains(Condition.TRUE)) {
            matchAll = true;
            conditions = List.of();
        } else if (conditions.contains(Condition.FALSE)) {
            conditions = conditions.stream().filter(c -> !c.equals(Condition.FALSE)).toList();
        }
    }

    /** Rows matching at least one of {@code conditions}; none given means no row. */
    public static Where anyOf(Condition... conditions) {
        return anyOf(List.of(conditions));
    }

    public static Where anyOf(List<Condition> conditions) {
        return new Where(false, conditions);
    }

    /** {@code [true]}, {@code [false]}, or the conditions, always explicit so a change request replaces the old where. */
    public ArrayNode toJson() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        if (matchAll) {
            array.add(true);
        } else if (conditions.isEmpty()) {
            array.add(false);
        } else {
            conditions.forEach(c -> array.add(NotationJson.toJson(c)));
        }
        return array;
    }

    /**
     * Reads a {@code where} array: {@code true} anywhere, or an empty array, matches every row;
     * {@code false} adds nothing to the disjunction.
     *
     * @throws OvsdbProtocolException if {@code json} is not such an array
     */
    public static Where fromJson(JsonNode json) {
        Objects.requireNonNull(json, "json");
        if (!json.isArray()) {
            throw new OvsdbProtocolException("where: expected an array, got " + json);
        }
        if (json.isEmpty()) {
            return ALL;
        }
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            conditions.add(NotationJson.conditionFromJson(json.get(i), "/" + i));
        }
        return anyOf(conditions);
    }
}
