package org.ovsqos.daemon.admin;

import org.ovsqos.daemon.common.DaemonException;

/**
 * A command the daemon refused or could not carry out (an unknown interface, a bad config on
 * reload, a non-root peer). The message travels to the client as the response's {@code error}
 * and is printed there as is, so it names the interface, key or file involved.
 */
public class AdminCommandException extends DaemonException {
    private static final long serialVersionUID = 1L;

    public AdminCommandException(String message) {
        super(message);
    }
}
