package org.ovsqos.ovsdb.operation;

import java.util.List;
import org.ovsqos.ovsdb.OvsdbException;

/**
 * A {@code transact} failed: one of its operations returned an {@code <error>}, or every
 * operation succeeded but the commit did not (RFC 7047 sections 3.1, 4.1.3 and 5.2). Nothing of
 * the transaction was applied.
 *
 * <p>Subclasses stand for the error strings of the RFC and the ones Open vSwitch adds;
 * {@link #of} picks the one for an error string, and an unknown string gets this base type, so
 * the server's words are never lost. {@link #error()} is always the exact string the server sent.
 *
 * <p>For the extra element that reports a failed commit, {@link #index()} is the number of
 * operations (one past the last) and {@link #operation()} is {@code null}; see
 * {@link #isCommitError()}.
 *
 * <p>{@link #results()} holds what the operations before the failing one returned, since the
 * server's details often name rows they created ("Table Port column interfaces row
 * 5e1f... references nonexistent row ..."). Those rows were never committed.
 */
public class OvsdbOperationException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    private final int index;
    // Operations are not Serializable; a deserialised exception keeps the strings and the index.
    private final transient Operation operation;
    private final String error;
    private final String details;
    private final String syntax;
    // Results are not Serializable either; set once, by the codec, before the exception is thrown.
    private transient List<OperationResult> results = List.of();

    /**
     * @param index position of the failing operation in the transaction, or the number of
     *     operations for a commit error
     * @param operation the failing operation, or {@code null} for a commit error
     * @param error the RFC 7047 error string, e.g. {@code "constraint violation"}
     * @param details the server's explanation, or {@code null}
     * @param syntax the offending JSON as Open vSwitch quotes it (an extension), or {@code null}
     */
    public OvsdbOperationException(int index, Operation operation, String error, String details, String syntax) {
        super(message(index, operation, error, details));
        this.index = index;
        this.operation = operation;
        this.error = error;
        this.details = details;
        this.syntax = syntax;
    }

    /** The exception type for {@code error}: a subclass for a known string, else this class. */
    public static OvsdbOperationException of(int index, Operation operation, String error, String details,
            String syntax) {
        switch (error) {
            case ReferentialIntegrityViolationException.ERROR:
                return new ReferentialIntegrityViolationException(index, operation, error, details, syntax);
            case ConstraintViolationException.ERROR:
                return new ConstraintViolationException(index, operation, error, details, syntax);
            case ResourcesExhaustedException.ERROR:
                return new ResourcesExhaustedException(index, operation, error, details, syntax);
            case IoErrorException.ERROR:
                return new IoErrorException(index, operation, error, details, syntax);
            case DuplicateUuidException.ERROR:
                return new DuplicateUuidException(index, operation, error, details, syntax);
            case DuplicateUuidNameException.ERROR:
                return new DuplicateUuidNameException(index, operation, error, details, syntax);
            case DomainErrorException.ERROR:
                return new DomainErrorException(index, operation, error, details, syntax);
            case RangeErrorException.ERROR:
                return new RangeErrorException(index, operation, error, details, syntax);
            case WaitTimedOutException.ERROR:
                return new WaitTimedOutException(index, operation, error, details, syntax);
            case OperationNotSupportedException.ERROR:
                return new OperationNotSupportedException(index, operation, error, details, syntax);
            case AbortedException.ERROR:
                return new AbortedException(index, operation, error, details, syntax);
            case NotOwnerException.ERROR:
                return new NotOwnerException(index, operation, error, details, syntax);
            case UnknownTableException.ERROR:
                return new UnknownTableException(index, operation, error, details, syntax);
            case UnknownColumnException.ERROR:
                return new UnknownColumnException(index, operation, error, details, syntax);
            case SyntaxErrorException.ERROR:
            case SyntaxErrorException.UNKNOWN_FUNCTION:
            case SyntaxErrorException.UNKNOWN_MUTATOR:
                return new SyntaxErrorException(index, operation, error, details, syntax);
            case PermissionErrorException.ERROR:
                return new PermissionErrorException(index, operation, error, details, syntax);
            case NotAllowedException.ERROR:
                return new NotAllowedException(index, operation, error, details, syntax);
            default:
                return new OvsdbOperationException(index, operation, error, details, syntax);
        }
    }

    /** Position of the failing operation; for a commit error, the number of operations. */
    public int index() {
        return index;
    }

    /** The failing operation, or {@code null} when the commit failed after every operation succeeded. */
    public Operation operation() {
        return operation;
    }

    /** Whether this is the extra commit-error element rather than an operation's own error. */
    public boolean isCommitError() {
        return operation == null;
    }

    /**
     * The results of the operations before the failing one, in order: {@link #index()} of them,
     * so for a commit error the result of every operation (the UUIDs its inserts would have
     * given, for instance). Empty when the exception was not made from a {@code transact} reply.
     */
    public List<OperationResult> results() {
        return results == null ? List.of() : results;
    }

    /** Records the results before the failure; the codec calls it once, before throwing. */
    OvsdbOperationException withResults(List<OperationResult> before) {
        results = List.copyOf(before);
        return this;
    }

    /** The error string exactly as the server sent it. */
    public String error() {
        return error;
    }

    /** The server's free-form explanation, or {@code null}. */
    public String details() {
        return details;
    }

    /** The offending JSON as Open vSwitch quotes it in its {@code "syntax"} member, or {@code null}. */
    public String syntax() {
        return syntax;
    }

    private static String message(int index, Operation operation, String error, String details) {
        String what = operation == null
                ? "transaction failed to commit after " + index + " operations"
                : "operation " + index + " (" + describe(operation) + ") failed";
        return what + ": " + error + (details == null || details.isEmpty() ? "" : ": " + details);
    }

    private static String describe(Operation op) {
        String table = null;
        if (op instanceof Insert o) {
            table = o.table();
        } else if (op instanceof Select o) {
            table = o.table();
        } else if (op instanceof Update o) {
            table = o.table();
        } else if (op instanceof Mutate o) {
            table = o.table();
        } else if (op instanceof Delete o) {
            table = o.table();
        } else if (op instanceof Wait o) {
            table = o.table();
        } else if (op instanceof Assert o) {
            table = "lock " + o.lock();
        }
        return table == null ? op.op() : op.op() + ' ' + table;
    }
}
