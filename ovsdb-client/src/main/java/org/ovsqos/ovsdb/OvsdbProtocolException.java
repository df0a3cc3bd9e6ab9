package org.ovsqos.ovsdb;

/**
 * The peer sent something this client cannot accept: bytes that are not JSON, a message over the
 * size limit, a response of the wrong shape. The connection is closed after such an error, since
 * the stream can no longer be trusted to be in step.
 */
public class OvsdbProtocolException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    public OvsdbProtocolException(String message) {
        super(message);
    }

    public OvsdbProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
