package org.ovsqos.daemon.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.ZoneId;
import org.ovsqos.daemon.admin.FakeAdminHandler;
import org.ovsqos.daemon.config.ConfigValidator;
import org.ovsqos.daemon.runtime.DaemonEngine;
import picocli.CommandLine;

/** Runs the command line in-process and captures what it prints. */
record CliRun(int exitCode, String out, String err) {
    /** Shanghai (+08:00, no DST): local times differ visibly from UTC. */
    static final Clock CLOCK = Clock.fixed(FakeAdminHandler.NOW, ZoneId.of("Asia/Shanghai"));

    static CliRun run(DaemonEngine engine, ConfigValidator validator, String... args) {
        CommandLine cli = OvsQosCommand.commandLine(engine, validator, CLOCK);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun run(String... args) {
        return run((options, runtime) -> {
            throw new AssertionError("the engine must not run");
        }, file -> {
            throw new AssertionError("the validator must not run");
        }, args);
    }
}
