package org.ovsqos.core.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration file.
 *
 * @param severity whether the file is still usable
 * @param key the offending key as written in the file, e.g. {@code stage1_usage_fraction} or
 *     {@code tiers[2].rate_fraction}; {@code ""} for the file as a whole
 * @param message what was wrong, naming the bad value and what is used instead
 */
public record ConfigProblem(Severity severity, String key, String message) {

    public ConfigProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    static ConfigProblem warning(String key, String message) {
        return new ConfigProblem(Severity.WARNING, key, message);
    }

    static ConfigProblem error(String key, String message) {
        return new ConfigProblem(Severity.ERROR, key, message);
    }

    /** One line for logs and {@code validate-config}: {@code WARNING stage1_usage_fraction: ...}. */
    @Override
    public String toString() {
        return key.isEmpty() ? severity + " " + message : severity + " " + key + ": " + message;
    }
}
