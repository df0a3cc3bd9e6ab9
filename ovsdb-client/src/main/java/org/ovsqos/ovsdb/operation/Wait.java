package org.ovsqos.ovsdb.operation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.Row;

/**
 * The {@code wait} operation (RFC 7047 section 5.2.6): holds the transaction until the
 * {@code columns} of the rows matching {@code where} are ({@code ==}) or are not ({@code !=})
 * exactly {@code rows}. With a timeout, the transaction fails with {@code "timed out"}
 * ({@link WaitTimedOutException}) when the wait lasts longer; a timeout of 0 tests once.
 * Its result is {@link EmptyResult}.
 *
 * @param timeoutMillis how long to wait; empty waits for ever
 */
public record Wait(String table, OptionalLong timeoutMillis, List<Condition> where, List<String> columns,
        Until until, List<Row> rows) implements Operation {

    /** The {@code "until"} member. */
    public enum Until {
        EQUAL("=="),
        NOT_EQUAL("!=");

        private final String symbol;

        Until(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public Wait {
        Args.table(table);
        Objects.requireNonNull(timeoutMillis, "timeoutMillis");
        if (timeoutMillis.isPresent() && timeoutMillis.getAsLong() < 0) {
            throw new IllegalArgumentException("wait timeout must not be negative: " + timeoutMillis.getAsLong());
        }
        where = Args.list(where, "where");
        columns = Args.list(columns, "columns");
        Objects.requireNonNull(until, "until");
        rows = Args.list(rows, "rows");
    }

    /** This wait, bounded by {@code millis} milliseconds. */
    public Wait withTimeout(long millis) {
        return new Wait(table, OptionalLong.of(millis), where, columns, until, rows);
    }

    /** This wait, bounded by {@code timeout} (whole milliseconds on the wire). */
    public Wait withTimeout(Duration timeout) {
        return withTimeout(timeout.toMillis());
    }

    @Override
    public String op() {
        return "wait";
    }
}
