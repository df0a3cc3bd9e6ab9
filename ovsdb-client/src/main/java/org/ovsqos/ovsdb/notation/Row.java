package org.ovsqos.ovsdb.notation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.ovsqos.ovsdb.OvsdbProtocolException;

/**
 * A table row, or part of one: column names mapped to values, on the wire a JSON object
 * {@code {"<column>": <value>, ...}} (RFC 7047 section 5.1, {@code <row>}).
 *
 * <p>Immutable; column order is preserved (insertion order), so a row encodes to the same JSON it
 * was decoded from. Equality ignores column order.
 *
 * @param columns the columns in order; never null, no null names or values
 */
public record Row(Map<String, Value> columns) {
    /** The read-only column every row has (RFC 7047 section 3.2). */
    public static final String UUID_COLUMN = "_uuid";
    /** The read-only column that changes on every modification (RFC 7047 section 3.2). */
    public static final String VERSION_COLUMN = "_version";

    private static final Row EMPTY = new Row(Map.of());

    public Row {
        Objects.requireNonNull(columns, "columns");
        var copy = new LinkedHashMap<String, Value>(columns.size() * 2);
        columns.forEach((c, v) -> copy.put(Objects.requireNonNull(c, "column name"),
                Objects.requireNonNull(v, () -> "value of column " + c)));
        columns = Collections.unmodifiableMap(copy);
    }

    public static Row empty() {
        return EMPTY;
    }

    public static Row of(String column, Value value) {
        return EMPTY.with(column, value);
    }

    public static Row of(String c1, Value v1, String c2, Value v2) {
        return of(c1, v1).with(c2, v2);
    }

    public static Row of(String c1, Value v1, String c2, Value v2, String c3, Value v3) {
        return of(c1, v1, c2, v2).with(c3, v3);
    }

    /** The value of {@code column}, or {@code null} when this row does not carry that column. */
    public Value get(String column) {
        return columns.get(column);
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /**
     * The row's {@code _uuid}, if it carries that column.
     *
     * @throws OvsdbProtocolException if {@code _uuid} is present but is not a UUID
     */
    public Optional<UUID> uuid() {
        Value v = columns.get(UUID_COLUMN);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof UuidAtom u) {
            return Optional.of(u.value());
        }
        throw new OvsdbProtocolException("column _uuid is not a uuid: " + v);
    }

    /**
     * A row with {@code column} set to {@code value}: replaced in place if present, else appended.
     * This row is unchanged.
     */
    public Row with(String column, Value value) {
        var m = new LinkedHashMap<>(columns);
        m.put(Objects.requireNonNull(column, "column name"), Objects.requireNonNull(value, "value"));
        return new Row(m);
    }

    /** A row without {@code column}; this row is unchanged. */
    public Row without(String column) {
        if (!columns.containsKey(column)) {
            return this;
        }
        var m = new LinkedHashMap<>(columns);
        m.remove(column);
        return new Row(m);
    }

    public int size() {
        return columns.size();
    }

    public boolean isEmpty() {
        return columns.isEmpty();
    }
}
