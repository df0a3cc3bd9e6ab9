package org.ovsqos.core.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ConfigParser#parse(byte[])} made of a file: the configuration when it is usable,
 * and every problem found on the way, in file order.
 *
 * @param config the configuration; empty exactly when some problem is an {@link Severity#ERROR}
 * @param problems every problem, warnings and errors
 */
public record ConfigResult(Optional<QosConfig> config, List<ConfigProblem> problems) {

    /** {@code validate-config} exit status: the file is clean. */
    public static final int EXIT_CLEAN = 0;
    /** {@code validate-config} exit status: usable, but some values fell back to defaults. */
    public static final int EXIT_USABLE_WITH_FALLBACKS = 1;
    /** {@code validate-config} exit status: the file cannot be used. */
    public static final int EXIT_UNUSABLE = 2;

    public ConfigResult {
        Objects.requireNonNull(config, "config");
        problems = List.copyOf(problems);
        boolean hasError = problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
        if (hasError == config.isPresent()) {
            throw new IllegalArgumentException(
                    "a config must be present exactly when no problem is an error");
        }
    }

    public boolean usable() {
        return config.isPresent();
    }

    /** The exit status {@code ovs-qos validate-config} reports for this result: 0, 1 or 2. */
    public int exitCode() {
        if (config.isEmpty()) {
            return EXIT_UNUSABLE;
        }
        return problems.isEmpty() ? EXIT_CLEAN : EXIT_USABLE_WITH_FALLBACKS;
    }
}
