package org.ovsqos.daemon.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ovsqos.core.config.ConfigProblem;
import org.ovsqos.core.config.ConfigParser;
import org.ovsqos.core.config.ConfigResult;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.config.Severity;
import org.ovsqos.daemon.cli.ConfigReport;
import org.ovsqos.daemon.cli.ConfigValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config file, read from disk and judged by qos-core's parser. A missing file means the
 * defaults (the old script's behaviour: the file is optional); an unreadable one is unusable.
 */
final class ConfigFile {
    /**
     * In a holder so that {@code Main} can build the command line (which names this class) for a
     * client command without starting logging: that alone costs a client ~100 ms.
     */
    private static final class Log {
        static final Logger log = LoggerFactory.getLogger(ConfigFile.class);
    }

    private ConfigFile() {}

    static ConfigResult read(Path path) {
        try {
            return ConfigParser.parse(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return new ConfigResult(Optional.of(QosConfig.defaults()), List.of());
        } catch (IOException e) {
            return new ConfigResult(Optional.empty(), List.of(new ConfigProblem(Severity.ERROR, "", "cannot read " + path + ": " + e.getMessage())));
        }
    }

    /** One log line per problem, at WARN or ERROR as the problem says. */
    static void logProblems(Path path, ConfigResult result) {
        for (ConfigProblem p : result.problems()) {
            switch (p.severity()) {
                case ERROR -> Log.log.error("config path={} key={} problem=\"{}\"", path, keyOf(p), quoted(p.message()));
                case WARNING -> Log.log.warn("config path={} key={} problem=\"{}\"", path, keyOf(p), quoted(p.message()));
            }
        }
    }

    /** Problems as {@code validate-config} prints them, one per line, each naming its key. */
    static List<String> describe(ConfigResult result) {
        return result.problems().stream().map(ConfigProblem::toString).toList();
    }

    /** {@code ovs-qos validate-config}: the same parser and the same problems as the daemon. */
    static ConfigValidator validator() {
        return (source, content) -> {
            ConfigResult result = ConfigParser.parse(content);
            ConfigReport.Verdict verdict = switch (result.exitCode()) {
                case ConfigResult.EXIT_CLEAN -> ConfigReport.Verdict.CLEAN;
                case ConfigResult.EXIT_USABLE_WITH_FALLBACKS -> ConfigReport.Verdict.FALLBACKS;
                default -> ConfigReport.Verdict.UNUSABLE;
            };
            return new ConfigReport(verdict, describe(result));
        };
    }

    /** Escapes what would end a quoted {@code key="value"} field early. */
    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String keyOf(ConfigProblem p) {
        return p.key().isEmpty() ? "-" : p.key();
    }
}
