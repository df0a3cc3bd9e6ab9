package org.ovsqos.ovsdb.notation;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One clause of a {@code where} (RFC 7047 section 5.1, {@code <condition>}): a {@link Comparison}
 * of a column with a value, on the wire {@code [<column>, <function>, <value>]}, or one of the
 * {@link Constant}s {@code true} and {@code false}, which Open vSwitch accepts as well
 * (ovsdb-server(7) section 5.1). A row matches a transaction's {@code where} when it matches every
 * condition in it, so an empty {@code where} matches every row and one holding {@link #FALSE}
 * none.
 */
public sealed interface Condition permits Condition.Comparison, Condition.Constant {

    /** {@code true}: every row matches. */
    Constant TRUE = new Constant(true);
    /** {@code false}: no row matches. */
    Constant FALSE = new Constant(false);

    /**
     * The condition functions (RFC 7047 section 5.1). The ordering ones apply only to integer and
     * real atoms; {@code ==}/{@code !=}/{@code includes}/{@code excludes} apply to every type.
     */
    enum Function {
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

    /**
     * {@code [<column>, <function>, <value>]}.
     *
     * @param column the column to test, e.g. {@code "name"} or {@code "_uuid"}
     * @param function how the column's value is compared with {@code value}
     * @param value the value to compare with; its type must suit the column (the server checks)
     */
    record Comparison(String column, Function function, Value value) implements Condition {
        public Comparison {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return column + ' ' + function.symbol + ' ' + value;
        }
    }

    /** The JSON boolean {@code true} (every row) or {@code false} (no row). */
    record Constant(boolean value) implements Condition {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    static Constant constant(boolean value) {
        return value ? TRUE : FALSE;
    }

    static Comparison equal(String column, Value value) {
        return new Comparison(column, Function.EQUAL, value);
    }

    static Comparison notEqual(String column, Value value) {
        return new Comparison(column, Function.NOT_EQUAL, value);
    }

    static Comparison lessThan(String column, Value value) {
        return new Comparison(column, Function.LESS_THAN, value);
    }

    static Comparison lessOrEqual(String column, Value value) {
        return new Comparison(column, Function.LESS_OR_EQUAL, value);
    }

    static Comparison greaterThan(String column, Value value) {
        return new Comparison(column, Function.GREATER_THAN, value);
    }

    static Comparison greaterOrEqual(String column, Value value) {
        return new Comparison(column, Function.GREATER_OR_EQUAL, value);
    }

    static Comparison includes(String column, Value value) {
        return new Comparison(column, Function.INCLUDES, value);
    }

    static Comparison excludes(String column, Value value) {
        return new Comparison(column, Function.EXCLUDES, value);
    }

    /** {@code ["_uuid", "==", ["uuid", ...]]}: the one row with this UUID, the fastest lookup. */
    static Comparison uuidIs(UUID uuid) {
        return equal(Row.UUID_COLUMN, Atom.uuid(uuid));
    }
}
