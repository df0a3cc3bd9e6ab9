package org.ovsqos.ovsdb.operation;

/**
 * A table the database does not have (Open vSwitch's error string, an extension of RFC 7047).
 * Note that Open vSwitch 3.1 reports an unknown table in a {@code transact} operation as a plain
 * {@code "syntax error"} ("No table named ..."), which maps to {@link SyntaxErrorException}; this
 * string comes from its replication and relay paths and from other servers.
 *
 * <p>Error string {@code "unknown table"}.
 */
public final class UnknownTableException extends SyntaxErrorException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("hiding")
    public static final String ERROR = "unknown table";

    public UnknownTableException(int index, Operation operation, String error, String details, String syntax) {
        super(index, operation, error, details, syntax);
    }
}
