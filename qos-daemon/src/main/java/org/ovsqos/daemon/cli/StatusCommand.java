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

@Command(name = "status", description = "Show the daemon's state: OVSDB connection, uptime, interfaces, penalties.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AdminSocketOption socket;

    @Option(names = "--json", description = "Print a JSON object.")
    boolean json;

    private final Clock clock;

    StatusCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        AdminClient client = new AdminClient(socket.path);
        if (json) {
            spec.commandLine().getOut().println(new AdminJson().text(client.statusJson()));
        } else {
            spec.commandLine().getOut().print(StatusText.render(client.status(), clock.instant(), clock.getZone()));
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
