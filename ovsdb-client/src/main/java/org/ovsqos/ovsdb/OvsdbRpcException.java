package org.ovsqos.ovsdb;

/**
 * The server answered a JSON-RPC request with a non-null {@code error} (RFC 7047 section 4.1:
 * for example {@code "unknown database"}, {@code "unknown method"}, {@code "not supported"}).
 * {@link #error()} is the RFC error string; {@link #details()} the server's free-form text, if any.
 */
public class OvsdbRpcException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String error;
    private final String details;

    public OvsdbRpcException(String method, String error, String details) {
        super(method + " failed: " + error + (details == null || details.isEmpty() ? "" : " (" + details + ")"));
        this.method = method;
        this.error = error;
        this.details = details;
    }

    /** The JSON-RPC method that failed, e.g. {@code "monitor_cond_since"}. */
    public String method() {
        return method;
    }

    /** The RFC 7047 error string, e.g. {@code "unknown database"}. */
    public String error() {
        return error;
    }

    /** The server's free-form explanation, or {@code null}. */
    public String details() {
        return details;
    }
}
