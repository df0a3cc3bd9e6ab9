package org.ovsqos.core.config;

/**
 * Reads and writes {@code config.json}. Bytes in, values out: the caller reads the file (and
 * uses {@link QosConfig#defaults()} when there is none).
 */
public final class ConfigParser {
    private ConfigParser() {}

    /**
     * Parses a configuration file. Never throws on bad input: every bad value becomes a
     * {@link ConfigProblem}, and the result holds a configuration unless some problem is an error.
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
