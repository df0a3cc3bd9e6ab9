package org.ovsqos.daemon.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
    public static final int CONFIG_UNUSABLE = 2;
    /** No daemon answers on the admin socket; 3 as in the LSB's "program is not running". */
    public static final int NO_DAEMON = 3;

    /** {@code validate-config}, by the contract: clean. */
    public static final int CONFIG_CLEAN = 0;
    /** {@code validate-config}: usable, but some keys fell back to their defaults. */
    public static final int CONFIG_FALLBACKS = 1;
    /** Bad usage: an unknown command or option, a bad or missing argument (sysexits' EX_USAGE). */
    public static final int USAGE = 64;

    /** For {@code --help}: code, then what it means. */
    static final Map<String, String> DESCRIPTIONS = descriptions();

    private ExitCodes() {}

    private static Map<String, String> descriptions() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(" " + OK, "Success; validate-config: the file is clean.");
        codes.put(" " + FAILED, "Failed: the daemon refused the command or stopped on an error, or another daemon"
                + " holds the lock; validate-config: usable, some keys fell back to their defaults.");
        codes.put(" " + CONFIG_UNUSABLE, "The config file is unusable (validate-config, daemon).");
        codes.put(" " + NO_DAEMON, "No daemon answers on the admin socket.");
        codes.put(USAGE + "", "Bad usage: an unknown command or option, or a bad argument.");
        return Collections.unmodifiableMap(codes);
    }
}
