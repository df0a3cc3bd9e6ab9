package org.ovsqos.daemon.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ovsqos.core.config.ConfigResult;

/**
 * The exit codes of {@code ovs-qos}, the same for every command (README, ovs-qos(8) and
 * {@code --help} list them). "The config is unusable" is 2 whichever command found it, so bad
 * usage cannot be 2 as well: it is sysexits' 64, which the systemd unit, like 2, does not retry.
 */
public final class ExitCodes {
    public static final int OK = 0;
    /** The daemon answered with an error, stopped on one, or refused to start (lock held). */
    public static final int FAILED = 1;
    /** The config is unusable: {@code validate-config} found an error, or the daemon refused to start with it. */
    public static final int CONFIG_UNUSABLE = ConfigResult.EXIT_UNUSABLE;
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
    /** Bad usage: an unknown command or option, a bad or missing argument (sysexits' EX_USAGE). */
    public static final int USAGE = 64;

    /** For {@code --help}: code, then what it means. */
    public static final Map<String, String> DESCRIPTIONS = descriptions();

    private ExitCodes() {}

    private static Map<String, String> descriptions() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(" " + OK, "Success; validate-config: the file is clean.");
        codes.put(" " + FAILED, "Failed: the daemon refused the command or stopped on an error, or another daemon"
                + " holds the lock; validate-config: usable, some keys fell back to their defaults.");
        codes.put(" " + CONFIG_UNUSABLE, "The config file is unusable (validate-config, daemon).");
        codes.put(" " + NO_DAEMON, "No daemon answers on the admin socket.");
        codes.put(" " + PENDING, "release: done in the daemon, but the write to OVSDB is still pending.");
        codes.put(" " + STATE_NOT_SAVED, "daemon: stopped, but its last save of the state file failed.");
        codes.put(USAGE + "", "Bad usage: an unknown command or option, or a bad argument.");
        return Collections.unmodifiableMap(codes);
    }
}
