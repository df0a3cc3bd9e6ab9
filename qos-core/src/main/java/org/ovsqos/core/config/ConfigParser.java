package org.ovsqos.core.config;

/**
 * Reads and writes {@code config.json}. Bytes in, values out: the caller reads the file (and
 * uses {@link QosConfig#defaults()} when there is none).
 */
public final class ConfigParser {
    /**
     * The largest config file worth reading. A complete file is about 1 KB, and one with a
     * thousand {@code base_rate_overrides} about 60 KB; beyond this the file is not a config.
     * Parsing costs up to ~40 bytes of heap per byte of JSON, so the daemon's 64 MB heap (which
     * also holds its interfaces at a reload) takes this comfortably, and 1 MB would not.
     */
    public static final int MAX_FILE_BYTES = 256 * 1024;

    /**
     * The most warnings a result lists; the rest are counted in one last warning. The daemon logs
     * a line per problem, and a file can hold a problem every few bytes (unknown keys).
     */
    public static final int MAX_PROBLEMS = 50;

    private ConfigParser() {}

    /**
     * Parses a configuration file. Never throws on bad input: every bad value becomes a
     * {@link ConfigProblem}, and the result holds a configuration unless some problem is an error.
     * More than {@link #MAX_FILE_BYTES} is unusable without being read.
     */
    public static ConfigResult parse(byte[] json) {
        return new ConfigReader().read(json);
    }

    /**
     * The canonical JSON of {@code config}, with every key and the tiers as a {@code tiers} list.
     * {@link #parse} reads it back to an equal configuration without problems.
     */
    public static byte[] toJson(QosConfig config) {
        return ConfigWriter.write(config);
    }
}
