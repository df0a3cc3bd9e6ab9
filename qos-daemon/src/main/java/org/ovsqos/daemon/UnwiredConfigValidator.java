package org.ovsqos.daemon;

import java.nio.file.Path;
import org.ovsqos.daemon.cli.ConfigReport;
import org.ovsqos.daemon.cli.ConfigValidator;

/** Stands in for qos-core's config parser until it is wired in; refuses rather than guess. */
final class UnwiredConfigValidator implements ConfigValidator {
    @Override
    public ConfigReport validate(Path source, byte[] content) {
        throw new DaemonException("cannot validate " + source
                + ": the config parser is not wired into this build yet");
    }
}
