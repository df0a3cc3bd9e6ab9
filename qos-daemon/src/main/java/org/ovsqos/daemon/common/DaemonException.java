package org.ovsqos.daemon.common;

/**
 * The unchecked root of qos-daemon's own failures. Its message is written for an operator: it is
 * printed as the one line a refused command or a refused start shows.
 */
public class DaemonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DaemonException(String message) {
        super(message);
    }

    public DaemonException(String message, Throwable cause) {
        super(message, cause);
    }
}
