package org.ovsqos.daemon.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ovsqos.core.config.ConfigResult;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.daemon.admin.AdminCommandException;
import org.ovsqos.daemon.config.ConfigFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges the config file for a reload ({@code ovs-qos reload}, SIGHUP): all or nothing. At
 * start-up a file that needs fallbacks is accepted, as the old script accepted it; a running
 * daemon has a config that works, and a file with any problem that {@code validate-config}
 * would report (a warning as much as an error) is refused, so that a typo such as
 * {@code "base_rate_mbit": "10"} never silently becomes the default and raises every limit.
 */
final class ConfigReload {
    private static final Logger log = LoggerFactory.getLogger(ConfigReload.class);
    /** Problems listed in the reply and the log; the rest are counted ({@code validate-config} lists all). */
    static final int MAX_LISTED = 10;

    private ConfigReload() {}

    /**
     * The file's configuration when it is clean.
     *
     * @throws AdminCommandException listing the problems when it is not; the refusal is logged
     */
    static QosConfig read(Path path) {
        if (!Files.exists(path)) {
            // The defaults are for a host that never had a file; one that vanished is a mistake.
            refuse(path, "missing", List.of("ERROR " + path + " does not exist"));
        }
        ConfigResult result = ConfigFile.read(path);
        if (result.exitCode() != ConfigResult.EXIT_CLEAN) {
            refuse(path, result.usable() ? "usable only with fallbacks" : "unusable", ConfigFile.describe(result));
        }
        return result.config().orElseThrow();
    }

    private static void refuse(Path path, String verdict, List<String> problems) {
        List<String> listed = problems.subList(0, Math.min(MAX_LISTED, problems.size()));
        int unlisted = problems.size() - listed.size();
        listed.forEach(p -> log.warn("config path={} reloaded=false problem=\"{}\"", path, quoted(p)));
        log.error("config path={} reloaded=false verdict=\"{}\" problems={} unlisted={} action=\"keeping the "
                + "running config\"", path, verdict, problems.size(), unlisted);
        throw new AdminCommandException("config " + path + " is " + verdict + "; not reloaded, the running config "
                + "stays. " + problems.size() + " problem(s): " + String.join("; ", listed)
                + (unlisted > 0 ? "; and " + unlisted + " more (ovs-qos validate-config " + path + " lists all)" : ""));
    }

    /** Escapes what would end a quoted {@code key="value"} field early. */
    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
