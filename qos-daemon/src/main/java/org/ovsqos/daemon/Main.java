package org.ovsqos.daemon;

import java.time.Clock;
import org.ovsqos.daemon.engine.GovernorEngine;
import org.ovsqos.daemon.cli.OvsQosCommand;

/** Entry point of {@code ovs-qos} (the jar's main class). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = OvsQosCommand.commandLine(new GovernorEngine(), GovernorEngine.configValidator(),
                Clock.systemDefaultZone())
                .execute(args);
        System.exit(code);
    }
}
