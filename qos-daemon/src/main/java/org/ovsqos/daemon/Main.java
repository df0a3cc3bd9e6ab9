package org.ovsqos.daemon;

import java.time.Clock;
import org.ovsqos.daemon.cli.OvsQosCommand;
import org.ovsqos.daemon.config.ConfigFile;
import org.ovsqos.daemon.engine.GovernorEngine;

/** Entry point of {@code ovs-qos} (the jar's main class). */
public final class Main {
    private Main() {}

    /** Netty's switch for its JFR events; see {@link #main}. */
    static final String NETTY_JFR = "io.netty.jfr.enabled";

    public static void main(String[] args) {
        // Netty records JFR events by default when the JVM has JFR: registering them loads ~90
        // jdk.jfr classes and their annotations, about 2 MB of the daemon's RSS, for recordings
        // nobody makes. Whoever wants them sets the property (OVS_QOS_JAVA_OPTS=-Dio.netty.jfr.enabled=true).
        if (System.getProperty(NETTY_JFR) == null) {
            System.setProperty(NETTY_JFR, "false");
        }
        int code = OvsQosCommand.commandLine(new GovernorEngine(), ConfigFile.validator(),
                Clock.systemDefaultZone())
                .execute(args);
        System.exit(code);
    }
}
