package org.ovsqos.daemon.cli;

import java.util.concurrent.Callable;
import org.ovsqos.daemon.admin.AdminClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "release", description = "End an interface's penalty now and restore its base rate (root only).")
final class ReleaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AdminSocketOption socket;

    @Parameters(index = "0", paramLabel = "IFACE", description = "The interface, e.g. kvm101.0.")
    String iface;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(new AdminClient(socket.path).release(iface));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
