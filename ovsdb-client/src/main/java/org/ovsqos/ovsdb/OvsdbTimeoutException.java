package org.ovsqos.ovsdb;

/** A call got no response within its timeout. The connection itself may still be usable. */
public class OvsdbTimeoutException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    public OvsdbTimeoutException(String message) {
        super(message);
    }
}
