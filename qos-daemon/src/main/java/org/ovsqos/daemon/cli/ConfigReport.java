package org.ovsqos.daemon.cli;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ConfigValidator} found in a config file.
 *
 * @param verdict  clean, usable with fallbacks, or unusable
 * @param problems one line per problem, each naming its key (and for a fallback the bad value
 *                 and the default used), in file order
 */
public record ConfigReport(Verdict verdict, List<String> problems) {
    public enum Verdict {
        CLEAN(ExitCodes.CONFIG_CLEAN),
        FALLBACKS(ExitCodes.CONFIG_FALLBACKS),
        UNUSABLE(ExitCodes.CONFIG_UNUSABLE);

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
