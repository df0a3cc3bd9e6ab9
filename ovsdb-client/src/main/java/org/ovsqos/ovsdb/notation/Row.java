package org.ovsqos.ovsdb.notation;

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
 * was decoded from. Equality ignores column order. The constructor copies the map it is given,
 * unless it is another Row's; a {@link Builder} hands its columns over without that second copy,
 * for code that builds rows by the thousand (decoding and applying monitor updates). The columns
 * are kept compactly ({@link PairArrayMap}): a replica holds thousands of rows.
 *
 * @param columns the columns in order; never null, no null names or values
 */
public record Row(Map<String, Value> columns) {
    /** The read-only column every row has (RFC 7047 section 3.2). */
    public static final String UUID_COLUMN = "_uuid";
    /** The read-only column that changes on every modification (RFC 7047 section 3.2). */
    public static final String VERSION_COLUMN = "_version";

    private static final Row EMPTY = new Row(Map.of());

    /** @throws NullPointerException if {@code columns} is null or holds a null name or value */
    public Row {
        Objects.requireNonNull(columns, "columns");
        if (!(columns instanceof PairArrayMap)) {
            // A PairArrayMap is read-only, made by a Builder that checked every column (or another
            // Row's): adopted as it is. Anything else is copied, and checked on the way.
            var copy = new PairArrayMap<String, Value>(columns.size());
            columns.forEach((c, v) -> copy.set(Objects.requireNonNull(c, "column name"),
                    Objects.requireNonNull(v, () -> "value of column " + c)));
            columns = copy;
        }
    }

    public static Row empty() {
        return EMPTY;
    }

    public static Row of(String column, Value value) {
        return builder(1).put(column, value).build();
    }

    /** A later column of the same name replaces an earlier one, as {@link #with} does. */
    public static Row of(String c1, Value v1, String c2, Value v2) {
        return builder(2).put(c1, v1).put(c2, v2).build();
    }

    /** A later column of the same name replaces an earlier one, as {@link #with} does. */
    public static Row of(String c1, Value v1, String c2, Value v2, String c3, Value v3) {
        return builder(3).put(c1, v1).put(c2, v2).put(c3, v3).build();
    }

    /** A builder of a row, empty so far. */
    public static Builder builder() {
        return new Builder(new PairArrayMap<>(0));
    }

    /** A builder of a row of about {@code expectedColumns} columns, sized so it never grows up to that size. */
    public static Builder builder(int expectedColumns) {
        return new Builder(new PairArrayMap<>(expectedColumns));
    }

    /**
     * A builder that starts from this row's columns, in order: for a row that differs from this
     * one in a few columns, built with one copy. This row is unchanged.
     */
    public Builder toBuilder() {
        PairArrayMap<String, Value> copy = new PairArrayMap<>(columns.size());
        columns.forEach(copy::set); // forEach reaches the columns without the read-only view's per-entry wrappers
        return new Builder(copy);
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
        return toBuilder().put(column, value).build();
    }

    /** A row without {@code column}; this row is unchanged. */
    public Row without(String column) {
        if (!columns.containsKey(column)) {
            return this;
        }
        return toBuilder().remove(column).build();
    }

    public int size() {
        return columns.size();
    }

    public boolean isEmpty() {
        return columns.isEmpty();
    }

    /**
     * Collects the columns of one {@link Row}, in insertion order, and hands them to it in
     * {@link #build()} without copying them. A builder builds once: after {@code build()}, every
     * method throws {@link IllegalStateException}. Not thread-safe.
     */
    public static final class Builder {
        private final HandOver<PairArrayMap<String, Value>> columns;

        private Builder(PairArrayMap<String, Value> columns) {
            this.columns = new HandOver<>("row", columns);
        }

        /**
         * Sets {@code column} to {@code value}: replaced in place if the column is present, else appended.
         *
         * @throws NullPointerException if {@code column} or {@code value} is null
         */
        public Builder put(String column, Value value) {
            columns.get().set(Objects.requireNonNull(column, "column name"),
                    Objects.requireNonNull(value, () -> "value of column " + column));
            return this;
        }

        /** Removes {@code column}, if present. */
        public Builder remove(String column) {
            columns.get().delete(column);
            return this;
        }

        /** The value of {@code column} so far, or {@code null} when there is none. */
        public Value get(String column) {
            return columns.get().get(column);
        }

        /** The number of columns so far. */
        public int size() {
            return columns.get().size();
        }

        /** The row of the columns put so far; this builder cannot be used afterwards. */
        public Row build() {
            PairArrayMap<String, Value> built = columns.take();
            return built.isEmpty() ? EMPTY : new Row(built.trimmed());
        }
    }

}
