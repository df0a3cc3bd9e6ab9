package org.ovsqos.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ovsqos.daemon.admin.AdminServer;
import org.ovsqos.daemon.admin.AdminServerOptions;
import org.ovsqos.daemon.admin.CommandPendingException;
import org.ovsqos.daemon.admin.FakeAdminHandler;
import org.ovsqos.daemon.common.ExitCodes;

class ClientCommandsTest {
    private static final List<List<String>> CLIENT_COMMANDS = List.of(
            List.of("list"), List.of("list", "--json"), List.of("status"), List.of("status", "--json"),
            List.of("release", "kvm101.0"), List.of("reload"));

    @TempDir
    Path dir;

    private Path socket() {
        return dir.resolve("admin.sock");
    }

    private CliRun run(List<String> command) {
        String[] args = new String[command.size() + 2];
        for (int i = 0; i < command.size(); i++) {
            args[i] = command.get(i);
        }
        args[command.size()] = "--admin-socket";
        args[command.size() + 1] = socket().toString();
        return CliRun.run(args);
    }

    private AdminServer daemon(FakeAdminHandler handler) throws IOException {
        return AdminServer.start(AdminServerOptions.builder(socket()).build(), handler, CliRun.CLOCK);
    }

    @Test
    void everyClientCommandSaysSoWhenNoSocketExists() {
        for (List<String> command : CLIENT_COMMANDS) {
            CliRun result = run(command);

            assertThat(result.exitCode()).as("%s", command).isEqualTo(ExitCodes.NO_DAEMON);
            assertThat(result.err()).isEqualTo("ovs-qos: no ovs-qos daemon is running: " + socket() + " does not exist\n");
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void everyClientCommandSaysSoWhenTheSocketIsStale() throws IOException {
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket()));
        }
        for (List<String> command : CLIENT_COMMANDS) {
            CliRun result = run(command);

            assertThat(result.exitCode()).as("%s", command).isEqualTo(ExitCodes.NO_DAEMON);
            assertThat(result.err()).startsWith("ovs-qos: no ovs-qos daemon answers on " + socket() + " (connection refused");
        }
    }

    @Test
    void aPathThatIsNotASocketIsNamed() throws IOException {
        Files.writeString(socket(), "");

        CliRun result = run(List.of("status"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.NO_DAEMON);
        assertThat(result.err()).isEqualTo("ovs-qos: " + socket() + " is not a socket\n");
    }

    @Test
    void listJsonPrintsTheContractArraySortedByInterface() throws IOException {
        try (AdminServer server = daemon(new FakeAdminHandler())) {
            CliRun result = run(List.of("list", "--json"));

            assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
            JsonNode array = new ObjectMapper().readTree(result.out());
            assertThat(array.isArray()).isTrue();
            assertThat(array.findValuesAsText("interface")).containsExactly("kvm101.0", "kvm102.0");
            assertThat(array.get(1).toString()).isEqualTo("{\"interface\":\"kvm102.0\",\"stage\":2,\"limit_kbps\":800000,"
                    + "\"burst_kb\":80000,\"base_kbps\":1000000,\"penalty_until\":" + (FakeAdminHandler.NOW.getEpochSecond() + 723)
                    + ",\"remaining_seconds\":723,\"last_mbps\":912.4,\"now_mbps\":null,\"present\":false,\"vm_id\":null}");
        }
    }

    @Test
    void listPrintsAHumanTableInLocalTimeWithItsOffset() throws IOException {
        try (AdminServer server = daemon(new FakeAdminHandler())) {
            CliRun result = run(List.of("list"));

            assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(result.out()).isEqualTo(
                    "Interface  Stage  Limit (Mbit/s)  Burst (kb)  Base (Mbit/s)  Penalty until" + " ".repeat(15)
                  + "Remaining  Last Mbps  Now Mbps  VM ID\n"
                  + "kvm101.0       0          1000.0      100000         1000.0  -" + " ".repeat(35) + "-       12.5      13.3"
                  + "  5d3f1a2e-7c41-4b8e-9a06-2f1c3b4d5e6f\n"
                  + "kvm102.0       2           800.0       80000         1000.0  2025-03-01 20:12:03 +08:00     12m03s"
                  + "      912.4    absent  -\n");
        }
    }

    @Test
    void statusPrintsTheDaemonsState() throws IOException {
        try (AdminServer server = daemon(new FakeAdminHandler())) {
            CliRun human = run(List.of("status"));
            CliRun json = run(List.of("status", "--json"));

            assertThat(human.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(human.out()).isEqualTo("""
                    ovs-qos daemon 1.2.3, pid 4242
                      OVSDB:      connected to unix:/var/run/openvswitch/db.sock since 2025-03-01 18:00:01 (1h59m59s ago)
                      Uptime:     2h00m00s (since 2025-03-01 18:00:00)
                      Interfaces: 2 managed
                      Last tick:  2025-03-01 19:59:37 (23s ago)
                      Penalties:  1 (tier 2: 1)
                      Config:     /opt/ovs-qos/config.json
                      Dry run:    no
                    """);
            assertThat(json.exitCode()).isEqualTo(ExitCodes.OK);
            JsonNode status = new ObjectMapper().readTree(json.out());
            assertThat(status.get("uptime_seconds").asLong()).isEqualTo(7200);
            assertThat(status.at("/ovsdb/endpoint").asText()).isEqualTo("unix:/var/run/openvswitch/db.sock");
            assertThat(status.get("dry_run").asBoolean()).isFalse();
        }
    }

    @Test
    void releaseAndReloadPrintTheDaemonsReport() throws IOException {
        FakeAdminHandler handler = new FakeAdminHandler();
        try (AdminServer server = daemon(handler)) {
            CliRun release = run(List.of("release", "kvm101.0"));
            CliRun reload = run(List.of("reload"));

            // The tests run as root; the non-root refusal is covered in NonRootPeerTest.
            assertThat(release.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(release.out()).isEqualTo("released kvm101.0\n");
            assertThat(reload.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(reload.out()).isEqualTo("reloaded /opt/ovs-qos/config.json\n");
        }
    }

    @Test
    void aRefusalByTheDaemonIsOneLineAndExitOne() throws IOException {
        try (AdminServer server = daemon(new FakeAdminHandler())) {
            CliRun result = run(List.of("release", "kvm9.0"));

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.err()).isEqualTo("ovs-qos: release: no managed interface kvm9.0\n");
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void aReleaseWhoseWriteIsPendingSaysSoAndExitsFour() throws IOException {
        FakeAdminHandler handler = new FakeAdminHandler();
        handler.releaseResult = CompletableFuture.failedFuture(new CommandPendingException(
                "released kvm101.0 in the daemon (stage 0 at 1000000 kbps), but the write is pending: dry run"));
        try (AdminServer server = daemon(handler)) {
            CliRun result = run(List.of("release", "kvm101.0"));

            assertThat(result.exitCode()).isEqualTo(ExitCodes.PENDING);
            assertThat(result.err()).isEqualTo("ovs-qos: release: released kvm101.0 in the daemon (stage 0 at "
                    + "1000000 kbps), but the write is pending: dry run\n");
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void badArgumentsAreUsageErrors() {
        CliRun unknownFlag = CliRun.run("list", "--bogus");
        CliRun missingIface = CliRun.run("release");
        CliRun noCommand = CliRun.run();

        assertThat(unknownFlag.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownFlag.err()).startsWith("ovs-qos: Unknown option: '--bogus'")
                .endsWith("Try 'ovs-qos list --help' for more information.\n");
        assertThat(missingIface.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missingIface.err()).startsWith("ovs-qos: Missing required parameter: 'IFACE'");
        assertThat(noCommand.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noCommand.err()).startsWith("Usage: ovs-qos");
    }
}
