package org.ovsqos.daemon.common;

import org.ovsqos.core.config.ConfigResult;

/** The exit codes of {@code ovs-qos}. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The daemon answered with an error, or refused to start (lock held, config unusable). */
    public static final int FAILED = 1;
    /** Bad flags or arguments (picocli's own code). */
    public static final int USAGE = 2;
    /** No daemon answers on the admin socket; 3 as in the LSB's "program is not running". */
    public static final int NO_DAEMON = 3;
    /**
     * {@code release}: the daemon carried the command out, but OVSDB does not hold the result yet
     * (dry run, OVSDB unreachable, the write failed and is retried); the message says which.
     */
    public static final int PENDING = 4;
    /** {@code daemon}: it stopped as asked, but its last save of the state file failed. */
    public static final int STATE_NOT_SAVED = 5;

    /** {@code validate-config}, by the contract: clean. */
    public static final int CONFIG_CLEAN = ConfigResult.EXIT_CLEAN;
    /** {@code validate-config}: usable, but some keys fell back to their defaults. */
    public static final int CONFIG_FALLBACKS = ConfigResult.EXIT_USABLE_WITH_FALLBACKS;
    /** {@code validate-config}: the daemon would refuse to start with it. */
    public static final int CONFIG_UNUSABLE = ConfigResult.EXIT_UNUSABLE;

    private ExitCodes() {}
}
