package org.ovsqos.ovsdb.operation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.Mutation;
import org.ovsqos.ovsdb.notation.Row;

/**
 * One database operation of a {@code transact} request (RFC 7047 section 5.2). The ten kinds are
 * immutable records; the static factories here are the short way to build them, e.g.
 * <pre>{@code
 * Operation.update("Interface", List.of(Condition.uuidIs(uuid)),
 *         Row.of("ingress_policing_rate", Atom.integer(800_000)))
 * }</pre>
 * An empty {@code where} is allowed and matches every row of the table.
 * {@link OperationJson} converts operations to and from JSON; {@link TransactionCodec} builds the
 * request and reads the result array.
 */
public sealed interface Operation
        permits Insert, Select, Update, Mutate, Delete, Wait, Commit, Abort, Comment, Assert {

    /** The {@code "op"} member: {@code "insert"}, {@code "select"}, ... */
    String op();

    /** Inserts {@code row}, the server choosing its UUID (RFC 7047 section 5.2.1). */
    static Insert insert(String table, Row row) {
        return new Insert(table, row, Optional.empty());
    }

    /** Inserts {@code row}, naming it so that later operations can refer to it as a named-uuid. */
    static Insert insert(String table, Row row, String uuidName) {
        return new Insert(table, row, Optional.of(uuidName));
    }

    /** Selects every column of the matching rows (RFC 7047 section 5.2.2). */
    static Select select(String table, List<Condition> where) {
        return new Select(table, where, Optional.empty());
    }

    static Select select(String table, Condition... where) {
        return select(table, List.of(where));
    }

    /** Sets the columns of {@code row} in every matching row (RFC 7047 section 5.2.3). */
    static Update update(String table, List<Condition> where, Row row) {
        return new Update(table, where, row);
    }

    /** Applies {@code mutations} to every matching row (RFC 7047 section 5.2.4). */
    static Mutate mutate(String table, List<Condition> where, List<Mutation> mutations) {
        return new Mutate(table, where, mutations);
    }

    static Mutate mutate(String table, List<Condition> where, Mutation... mutations) {
        return mutate(table, where, List.of(mutations));
    }

    /** Deletes every matching row (RFC 7047 section 5.2.5). */
    static Delete delete(String table, List<Condition> where) {
        return new Delete(table, where);
    }

    static Delete delete(String table, Condition... where) {
        return delete(table, List.of(where));
    }

    /**
     * Waits, without a timeout, until the {@code columns} of the rows matching {@code where} are
     * ({@link Wait.Until#EQUAL}) or are not ({@link Wait.Until#NOT_EQUAL}) exactly {@code rows}
     * (RFC 7047 section 5.2.6). {@link Wait#withTimeout} bounds the wait.
     */
    static Wait waitUntil(String table, List<Condition> where, List<String> columns, Wait.Until until, List<Row> rows) {
        return new Wait(table, OptionalLong.empty(), where, columns, until, rows);
    }

    /** Commits; with {@code durable} the reply waits until the change is on disk (section 5.2.7). */
    static Commit commit(boolean durable) {
        return new Commit(durable);
    }

    /** Aborts the transaction; always "fails" with {@code "aborted"} (RFC 7047 section 5.2.8). */
    static Abort abort() {
        return new Abort();
    }

    /** Adds {@code comment} to the database log (RFC 7047 section 5.2.9). */
    static Comment comment(String comment) {
        return new Comment(comment);
    }

    /** Fails the transaction unless this client owns {@code lock} (RFC 7047 section 5.2.10). */
    static Assert assertLock(String lock) {
        return new Assert(lock);
    }
}
