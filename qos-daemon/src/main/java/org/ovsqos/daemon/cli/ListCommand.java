package org.ovsqos.daemon.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.ovsqos.daemon.admin.AdminClient;
import org.ovsqos.daemon.admin.AdminJson;
import org.ovsqos.daemon.common.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "Show each managed interface: tier, limit, penalty and rate.")
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AdminSocketOption socket;

    @Option(names = "--json", description = "Print a JSON array, one object per interface, sorted by name.")
    boolean json;

    private final Clock clock;

    ListCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        AdminClient client = new AdminClient(socket.path);
        if (json) {
            // As the daemon sent it: the daemon owns the contract's fields, the client adds nothing.
            spec.commandLine().getOut().println(new AdminJson().text(client.listJson()));
        } else {
            spec.commandLine().getOut().print(InterfaceTable.render(client.list(), clock.instant(), clock.getZone()));
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
