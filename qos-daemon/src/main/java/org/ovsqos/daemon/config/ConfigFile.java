package org.ovsqos.daemon.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ovsqos.core.config.ConfigParser;
import org.ovsqos.core.config.ConfigProblem;
import org.ovsqos.core.config.ConfigResult;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.config.Severity;
import org.ovsqos.daemon.process.BoundedFile;
import org.ovsqos.daemon.process.FileErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config file, read from disk and judged by qos-core's parser. A missing file means the
 * defaults (the old script's behaviour: the file is optional); an unreadable one is unusable, and
 * so is anything but a regular file of at most {@link ConfigParser#MAX_FILE_BYTES}.
 */
public final class ConfigFile {
    /**
     * In a holder so that {@code Main} can build the command line (which names this class) for a
     * client command without starting logging: that alone costs a client ~100 ms.
     */
    private static final class Log {
        static final Logger log = LoggerFactory.getLogger(ConfigFile.class);
    }

    private ConfigFile() {}

    public static ConfigResult read(Path path) {
        try {
            return ConfigParser.parse(readBytes(path));
        } catch (NoSuchFileException e) {
            return new ConfigResult(Optional.of(QosConfig.defaults()), List.of());
        } catch (IOException e) {
            return new ConfigResult(Optional.empty(), List.of(new ConfigProblem(Severity.ERROR, "",
                    "cannot read " + path + ": " + FileErrors.reason(e))));
        }
    }

    /** The file's bytes, if it is a regular file within the config's size limit. */
    private static byte[] readBytes(Path path) throws IOException {
        return BoundedFile.read(path, ConfigParser.MAX_FILE_BYTES);
    }

    /** One log line per problem, at WARN or ERROR as the problem says. */
    public static void logProblems(Path path, ConfigResult result) {
        for (ConfigProblem p : result.problems()) {
            switch (p.severity()) {
                case ERROR -> Log.log.error("config path={} key={} problem=\"{}\"", path, keyOf(p), p.message());
                case WARNING -> Log.log.warn("config path={} key={} problem=\"{}\"", path, keyOf(p), p.message());
            }
        }
    }

    /** Problems as {@code validate-config} prints them, one per line, each naming its key. */
    public static List<String> describe(ConfigResult result) {
        return result.problems().stream().map(ConfigProblem::toString).toList();
    }

    /** {@code ovs-qos validate-config}: the same reading, parser and problems as the daemon. */
    public static ConfigValidator validator() {
        return file -> {
            ConfigResult result = ConfigParser.parse(readBytes(file));
            ConfigReport.Verdict verdict = switch (result.exitCode()) {
                case ConfigResult.EXIT_CLEAN -> ConfigReport.Verdict.CLEAN;
                case ConfigResult.EXIT_USABLE_WITH_FALLBACKS -> ConfigReport.Verdict.FALLBACKS;
                default -> ConfigReport.Verdict.UNUSABLE;
            };
            return new ConfigReport(verdict, describe(result));
        };
    }

    private static String keyOf(ConfigProblem p) {
        return p.key().isEmpty() ? "-" : p.key();
    }
}
