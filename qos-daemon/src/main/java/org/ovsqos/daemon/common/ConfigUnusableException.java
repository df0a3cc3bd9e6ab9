package org.ovsqos.daemon.common;

/**
 * The daemon cannot start with its config file. Its own type so that the exit code says so (2,
 * as {@code validate-config} says it) and systemd does not restart it in a loop.
 */
public final class ConfigUnusableException extends DaemonException {
    private static final long serialVersionUID = 1L;

    public ConfigUnusableException(String message) {
        super(message);
    }
}
