package org.ovsqos.daemon.config;

import java.util.List;
import java.util.Objects;
import org.ovsqos.core.config.ConfigResult;

/**
 * What {@link ConfigValidator} found in a config file.
 *
 * @param verdict  clean, usable with fallbacks, or unusable
 * @param problems one line per problem, each naming its key (and for a fallback the bad value
 *                 and the default used), in file order
 */
public record ConfigReport(Verdict verdict, List<String> problems) {
    public enum Verdict {
        CLEAN(ConfigResult.EXIT_CLEAN),
        FALLBACKS(ConfigResult.EXIT_USABLE_WITH_FALLBACKS),
        UNUSABLE(ConfigResult.EXIT_UNUSABLE);

        private final int exitCode;

        Verdict(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public ConfigReport {
        Objects.requireNonNull(verdict, "verdict");
        problems = List.copyOf(problems);
    }
}
