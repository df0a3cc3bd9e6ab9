package org.ovsqos.ovsdb.notation;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One clause of a {@code where}, on the wire {@code [<column>, <function>, <value>]}
 * (RFC 7047 section 5.1, {@code <condition>}). A row matches a {@code where} when it matches every
 * condition in it.
 *
 * @param column the column to test, e.g. {@code "name"} or {@code "_uuid"}
 * @param function how the column's value is compared with {@code value}
 * @param value the value to compare with; its type must suit the column (the server checks)
 */
public record Condition(String column, Function function, Value value) {

    /**
     * The condition functions (RFC 7047 section 5.1). The ordering ones apply only to integer and
     * real atoms; {@code ==}/{@code !=}/{@code includes}/{@code excludes} apply to every type.
     */
    public enum Function {
        LESS_THAN("<"),
        LESS_OR_EQUAL("<="),
        EQUAL("=="),
        NOT_EQUAL("!="),
        GREATER_OR_EQUAL(">="),
        GREATER_THAN(">"),
        INCLUDES("includes"),
        EXCLUDES("excludes");

        private final String symbol;

        Function(String symbol) {
            this.symbol = symbol;
        }

        /** The spelling on the wire, e.g. {@code "<="}. */
        public String symbol() {
            return symbol;
        }

        /** The function spelled {@code symbol} on the wire, if there is one. */
        public static Optional<Function> fromSymbol(String symbol) {
            for (Function f : values()) {
                if (f.symbol.equals(symbol)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    public Condition {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(value, "value");
    }

    public static Condition equal(String column, Value value) {
        return new Condition(column, Function.EQUAL, value);
    }

    public static Condition notEqual(String column, Value value) {
        return new Condition(column, Function.NOT_EQUAL, value);
    }

    public static Condition lessThan(String column, Value value) {
        return new Condition(column, Function.LESS_THAN, value);
    }

    public static Condition lessOrEqual(String column, Value value) {
        return new Condition(column, Function.LESS_OR_EQUAL, value);
    }

    public static Condition greaterThan(String column, Value value) {
        return new Condition(column, Function.GREATER_THAN, value);
    }

    public static Condition greaterOrEqual(String column, Value value) {
        return new Condition(column, Function.GREATER_OR_EQUAL, value);
    }

    public static Condition includes(String column, Value value) {
        return new Condition(column, Function.INCLUDES, value);
    }

    public static Condition excludes(String column, Value value) {
        return new Condition(column, Function.EXCLUDES, value);
    }

    /** {@code ["_uuid", "==", ["uuid", ...]]}: the one row with this UUID, the fastest lookup. */
    public static Condition uuidIs(UUID uuid) {
        return equal(Row.UUID_COLUMN, Atom.uuid(uuid));
    }

    @Override
    public String toString() {
        return column + ' ' + function.symbol + ' ' + value;
    }
}
