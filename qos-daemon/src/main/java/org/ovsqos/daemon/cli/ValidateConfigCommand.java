package org.ovsqos.daemon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ovsqos.daemon.common.DaemonException;
import org.ovsqos.daemon.common.DaemonOptions;
import org.ovsqos.daemon.common.ExitCodes;
import org.ovsqos.daemon.config.ConfigReport;
import org.ovsqos.daemon.config.ConfigValidator;
import org.ovsqos.daemon.process.FileErrors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate-config",
        description = {"Check a config file as the daemon would read it, printing each problem with its key.",
                "Exit 0: clean; 1: usable, with keys falling back to defaults; 2: unusable."})
final class ValidateConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    // No picocli default: a missing file matters only when the operator named it.
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The config file (default: " + DaemonOptions.DEFAULT_CONFIG + ").")
    Path file;

    private final ConfigValidator validator;

    ValidateConfigCommand(ConfigValidator validator) {
        this.validator = validator;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path path = file != null ? file : Path.of(DaemonOptions.DEFAULT_CONFIG);
        ConfigReport report;
        try {
            report = validator.validate(path);
        } catch (NoSuchFileException e) {
            if (file == null) {
                // The config is optional: without it the daemon runs on defaults, which is valid.
                out.println(path + ": no config file; the daemon uses every default");
                out.flush();
                return ExitCodes.CONFIG_CLEAN;
            }
            err.println("ovs-qos: " + path + ": no such file");
            err.flush();
            return ExitCodes.CONFIG_UNUSABLE;
        } catch (IOException e) {
            err.println("ovs-qos: cannot read " + path + ": " + FileErrors.reason(e));
            err.flush();
            return ExitCodes.CONFIG_UNUSABLE;
        } catch (DaemonException e) {
            err.println("ovs-qos: " + e.getMessage());
            err.flush();
            return ExitCodes.CONFIG_UNUSABLE;
        }
        for (String problem : report.problems()) {
            out.println(path + ": " + problem);
        }
        out.println(path + ": " + switch (report.verdict()) {
            case CLEAN -> "OK";
            // No count: past ConfigParser.MAX_PROBLEMS the list ends with a line counting the rest.
            case FALLBACKS -> "usable; defaults used where noted above";
            case UNUSABLE -> "unusable; the daemon would refuse to start with it";
        });
        out.flush();
        return report.verdict().exitCode();
    }
}
