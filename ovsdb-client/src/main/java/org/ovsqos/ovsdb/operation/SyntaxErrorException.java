package org.ovsqos.ovsdb.operation;

/**
 * The server could not parse an operation: a member missing or of the wrong type, a value of the
 * wrong type for its column (Open vSwitch's {@code "syntax error"}, an extension of
 * RFC 7047 section 3.1). Open vSwitch's more specific parse errors {@code "unknown function"} and
 * {@code "unknown mutator"} map here too, with {@link #error()} keeping the exact string;
 * {@code "unknown table"} and {@code "unknown column"} have their own subclasses.
 */
public class SyntaxErrorException extends OvsdbOperationException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR = "syntax error";
    public static final String UNKNOWN_FUNCTION = "unknown function";
    public static final String UNKNOWN_MUTATOR = "unknown mutator";

    public SyntaxErrorException(int index, Operation operation, String error, String details, String syntax) {
        super(index, operation, error, details, syntax);
    }
}
