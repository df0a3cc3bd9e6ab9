package org.ovsqos.daemon.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.ovsqos.daemon.admin.AdminClient;
import org.ovsqos.daemon.admin.CommandPendingException;
import org.ovsqos.daemon.common.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "release", description = {
        "End an interface's penalty now and restore its base rate (root only).",
        "Exit 0 once OVSDB holds the base rate; " + ExitCodes.PENDING
                + " when the daemon released it but the write is pending (dry run, OVSDB down)."})
final class ReleaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AdminSocketOption socket;

    @Parameters(index = "0", paramLabel = "IFACE", description = "The interface, e.g. kvm101.0.")
    String iface;

    @Override
    public Integer call() {
        try {
            PrintWriter out = spec.commandLine().getOut();
            out.println(new AdminClient(socket.path).release(iface));
            out.flush();
            return ExitCodes.OK;
        } catch (CommandPendingException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("ovs-qos: release: " + e.getMessage());
            err.flush();
            return ExitCodes.PENDING;
        }
    }
}
