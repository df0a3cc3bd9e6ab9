package org.ovsqos.ovsdb;

/**
 * The connection was dropped because the server stopped answering: the inactivity probe's
 * {@code echo} (RFC 7047 section 4.1.11) got nothing back while the socket stayed open. The
 * server is alive but frozen (stopped, stuck, or the path to it is), unlike a server that closed
 * the connection or refuses new ones.
 */
public class OvsdbUnresponsiveException extends OvsdbConnectionException {
    private static final long serialVersionUID = 1L;

    public OvsdbUnresponsiveException(String message) {
        super(message);
    }
}
