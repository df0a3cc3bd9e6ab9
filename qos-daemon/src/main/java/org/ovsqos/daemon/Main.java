package org.ovsqos.daemon;

import java.time.Clock;
import org.ovsqos.daemon.cli.OvsQosCommand;
import org.ovsqos.daemon.config.ConfigFile;
import org.ovsqos.daemon.engine.GovernorEngine;

/** Entry point of {@code ovs-qos} (the jar's main class). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = OvsQosCommand.commandLine(new GovernorEngine(), ConfigFile.validator(),
                Clock.systemDefaultZone())
                .execute(args);
        System.exit(code);
    }
}
