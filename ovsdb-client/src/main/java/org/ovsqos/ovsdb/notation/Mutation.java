package org.ovsqos.ovsdb.notation;

import java.util.Objects;
import java.util.Optional;

/**
 * One change a {@code mutate} operation makes to a column, on the wire
 * {@code [<column>, <mutator>, <value>]} (RFC 7047 section 5.1, {@code <mutation>}).
 *
 * @param column the column to change
 * @param mutator what to do to it
 * @param value the operand; for {@code insert}/{@code delete} on a map, {@code delete} may take a
 *     set of keys as well as a map (the server checks)
 */
public record Mutation(String column, Mutator mutator, Value value) {

    /**
     * The mutators (RFC 7047 section 5.1). The arithmetic ones apply to integer and real columns
     * (and element-wise to sets of them); {@code insert}/{@code delete} to sets and maps.
     */
    public enum Mutator {
        ADD("+="),
        SUBTRACT("-="),
        MULTIPLY("*="),
        DIVIDE("/="),
        MODULO("%="),
        INSERT("insert"),
        DELETE("delete");

        private final String symbol;

        Mutator(String symbol) {
            this.symbol = symbol;
        }

        /** The spelling on the wire, e.g. {@code "+="}. */
        public String symbol() {
            return symbol;
        }

        /** The mutator spelled {@code symbol} on the wire, if there is one. */
        public static Optional<Mutator> fromSymbol(String symbol) {
            for (Mutator m : values()) {
                if (m.symbol.equals(symbol)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    public Mutation {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(mutator, "mutator");
        Objects.requireNonNull(value, "value");
    }

    public static Mutation add(String column, Value value) {
        return new Mutation(column, Mutator.ADD, value);
    }

    public static Mutation subtract(String column, Value value) {
        return new Mutation(column, Mutator.SUBTRACT, value);
    }

    public static Mutation multiply(String column, Value value) {
        return new Mutation(column, Mutator.MULTIPLY, value);
    }

    public static Mutation divide(String column, Value value) {
        return new Mutation(column, Mutator.DIVIDE, value);
    }

    public static Mutation modulo(String column, Value value) {
        return new Mutation(column, Mutator.MODULO, value);
    }

    public static Mutation insert(String column, Value value) {
        return new Mutation(column, Mutator.INSERT, value);
    }

    public static Mutation delete(String column, Value value) {
        return new Mutation(column, Mutator.DELETE, value);
    }

    @Override
    public String toString() {
        return column + ' ' + mutator.symbol + ' ' + value;
    }
}
