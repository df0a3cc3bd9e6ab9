package org.ovsqos.daemon.cli;

import java.nio.file.Path;
import org.ovsqos.daemon.common.DaemonOptions;
import picocli.CommandLine.Option;

/** {@code --admin-socket FILE}, shared by the client commands. */
final class AdminSocketOption {
    @Option(names = "--admin-socket", paramLabel = "FILE", defaultValue = DaemonOptions.DEFAULT_ADMIN_SOCKET,
            description = "The daemon's admin socket (default: ${DEFAULT-VALUE}).")
    Path path;
}
