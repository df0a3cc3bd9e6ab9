package org.ovsqos.daemon.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.ovsqos.daemon.admin.DaemonUnavailableException;
import org.ovsqos.daemon.common.DaemonException;
import org.ovsqos.daemon.common.ExitCodes;
import org.ovsqos.daemon.common.Version;
import org.ovsqos.daemon.config.ConfigValidator;
import org.ovsqos.daemon.runtime.DaemonEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * {@code ovs-qos}: the command line of the contract in the README, "Operating it". Failures a user can act
 * on are printed as one {@code ovs-qos: ...} line on stderr with a non-zero exit code
 * ({@link ExitCodes}); only a bug prints a stack trace.
 */
@Command(name = "ovs-qos", mixinStandardHelpOptions = true, versionProvider = OvsQosCommand.VersionProvider.class,
        description = "Upstream bandwidth governor for KVM guests on Open vSwitch.",
        footer = "%nRun 'ovs-qos help COMMAND' or 'ovs-qos COMMAND --help' for a command's options; man 8 ovs-qos.")
public final class OvsQosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private OvsQosCommand() {}

    /** The command line with the given engine and validator; the clock's zone is the local time shown. */
    public static CommandLine commandLine(DaemonEngine engine, ConfigValidator validator, Clock clock) {
        CommandLine cli = new CommandLine(new OvsQosCommand());
        cli.addSubcommand(new DaemonCommand(engine, clock));
        cli.addSubcommand(new ListCommand(clock));
        cli.addSubcommand(new StatusCommand(clock));
        cli.addSubcommand(new ReleaseCommand());
        cli.addSubcommand(new ReloadCommand());
        cli.addSubcommand(new ValidateConfigCommand(validator));
        cli.addSubcommand(new CommandLine.HelpCommand());
        for (CommandLine command : cli.getSubcommands().values()) {
            // -h/--help and -V/--version on every command, not only on ovs-qos itself.
            command.getCommandSpec().mixinStandardHelpOptions(true);
            command.getCommandSpec().versionProvider(new VersionProvider());
        }
        for (CommandLine command : List.of(cli, cli.getSubcommands().get("daemon"),
                cli.getSubcommands().get("validate-config"))) {
            command.getCommandSpec().usageMessage()
                    .exitCodeListHeading("%nExit codes:%n")
                    .exitCodeList(ExitCodes.DESCRIPTIONS);
        }
        cli.setExecutionExceptionHandler(OvsQosCommand::onFailure);
        cli.setParameterExceptionHandler(OvsQosCommand::onBadArguments);
        return cli;
    }

    /** Without a command: the usage, as a hint, and the usage exit code. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    // One line and a pointer to --help: the full usage would bury the line that matters.
    private static int onBadArguments(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("ovs-qos: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int onFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        int code;
        if (e instanceof DaemonUnavailableException) {
            err.println("ovs-qos: " + e.getMessage());
            code = ExitCodes.NO_DAEMON;
        } else if (e instanceof DaemonException) {
            err.println("ovs-qos: " + cli.getCommandName() + ": " + e.getMessage());
            code = ExitCodes.FAILED;
        } else {
            err.println("ovs-qos: internal error: " + e);
            e.printStackTrace(err);
            code = ExitCodes.FAILED;
        }
        err.flush();
        return code;
    }

    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ovs-qos " + Version.current()};
        }
    }
}
