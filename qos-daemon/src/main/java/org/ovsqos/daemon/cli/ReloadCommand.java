package org.ovsqos.daemon.cli;

import java.util.concurrent.Callable;
import org.ovsqos.daemon.admin.AdminClient;
import org.ovsqos.daemon.common.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "reload", description = {"Re-read the config file, keeping all penalties (root only; as SIGHUP).",
        "All or nothing: a file with any problem validate-config reports is refused (exit 1) and the running "
                + "config stays."})
final class ReloadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AdminSocketOption socket;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(new AdminClient(socket.path).reload());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
