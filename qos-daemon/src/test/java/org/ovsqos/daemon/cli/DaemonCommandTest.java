package org.ovsqos.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ovsqos.daemon.common.ConfigUnusableException;
import org.ovsqos.daemon.common.DaemonException;
import org.ovsqos.daemon.common.DaemonOptions;
import org.ovsqos.daemon.common.ExitCodes;
import org.ovsqos.daemon.process.DaemonLock;
import org.ovsqos.daemon.runtime.DaemonEngine;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

class DaemonCommandTest {
    @TempDir
    Path dir;

    private final AtomicReference<DaemonOptions> handedOver = new AtomicReference<>();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream realStderr;

    @BeforeEach
    void captureStderr() {
        // The daemon logs to stderr for journald; keep it out of the build output and look at it.
        realStderr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreTestLogging() throws Exception {
        System.setErr(realStderr);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    private CliRun daemon(DaemonEngine engine, String... flags) {
        String[] args = new String[flags.length + 1];
        args[0] = "daemon";
        System.arraycopy(flags, 0, args, 1, flags.length);
        return CliRun.run(engine, file -> {
            throw new AssertionError();
        }, args);
    }

    private String[] privatePaths(String... more) {
        String[] base = {
            "--lock", dir.resolve("daemon.lock").toString(),
            "--state", dir.resolve("state.json").toString(),
            "--admin-socket", dir.resolve("admin.sock").toString(),
            "--log-file", dir.resolve("ovs-qos.log").toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void withoutFlagsTheOptionsAreTheContractsDefaults() {
        CommandLine cli = OvsQosCommand.commandLine((o, r) -> 0, f -> null, CliRun.CLOCK);
        CommandLine.ParseResult parsed = cli.parseArgs("daemon");

        DaemonCommand command = (DaemonCommand) parsed.subcommand().commandSpec().userObject();

        assertThat(command.options()).isEqualTo(DaemonOptions.builder().build());
    }

    @Test
    void flagsReachTheEngineAsOneImmutableValue() {
        CliRun result = daemon((options, runtime) -> {
            handedOver.set(options);
            assertThat(runtime.options()).isSameAs(options);
            return 0;
        }, privatePaths("--config", "/etc/ovs-qos.json", "--db", "tcp:127.0.0.1:6640", "--dry-run",
                "--log-level", "DEBUG"));

        assertThat(result.exitCode()).isZero();
        assertThat(handedOver.get()).isEqualTo(new DaemonOptions(
                Path.of("/etc/ovs-qos.json"), "tcp:127.0.0.1:6640", dir.resolve("state.json"),
                dir.resolve("admin.sock"), dir.resolve("daemon.lock"), Optional.of(dir.resolve("ovs-qos.log")), true,
                Optional.of("debug")));
        assertThat(dir.resolve("ovs-qos.log")).content().contains("starting version=").contains("dry_run=true")
                .contains("stopped exit_code=0");
    }

    @Test
    void aHeldLockRefusesToStartWithOneLine() throws Exception {
        Path lock = dir.resolve("daemon.lock");
        try (DaemonLock held = DaemonLock.acquire(lock)) {
            CliRun result = daemon((options, runtime) -> {
                throw new AssertionError("must not run while another holds the lock");
            }, privatePaths());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.err()).isEqualTo("ovs-qos: another ovs-qos daemon holds " + lock
                    + " (pid " + ProcessHandle.current().pid() + ")\n");
            assertThat(dir.resolve("ovs-qos.log")).doesNotExist();
        }
    }

    @Test
    void theEnginesExitCodeIsTheProcesses() {
        assertThat(daemon((options, runtime) -> 1, privatePaths()).exitCode()).isEqualTo(1);
    }

    @Test
    void anEngineRefusalIsLoggedAsOneLineAndExitsOne() {
        CliRun result = daemon((options, runtime) -> {
            throw new DaemonException("config /opt/ovs-qos/config.json is not a JSON object");
        }, privatePaths());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(dir.resolve("ovs-qos.log")).content()
                .contains("refused error=\"config /opt/ovs-qos/config.json is not a JSON object\"");
        assertThat(stderr.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("ERROR")).toList())
                .singleElement().asString().endsWith("refused error=\"config /opt/ovs-qos/config.json is not a JSON object\"");
    }

    @Test
    void anUnusableConfigExitsTwoAsValidateConfigDoes() {
        CliRun result = daemon((options, runtime) -> {
            throw new ConfigUnusableException("config /opt/ovs-qos/config.json is unusable: the file is empty");
        }, privatePaths());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG_UNUSABLE).isEqualTo(2);
        assertThat(dir.resolve("ovs-qos.log")).content().contains("refused error=\"config /opt/ovs-qos/config.json");
    }

    @Test
    void anUnknownLogLevelIsAUsageError() {
        CliRun result = daemon((options, runtime) -> 0, privatePaths("--log-level", "loud"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE).isEqualTo(64);
        assertThat(result.err()).startsWith("ovs-qos: --log-level must be one of error, warn, info, debug, not 'loud'");
    }

    @Test
    void theLogLevelFlagSetsTheLevel() {
        daemon((options, runtime) -> {
            LoggerFactory.getLogger("probe").debug("debug-line-shown");
            return 0;
        }, privatePaths("--log-level", "debug"));

        assertThat(dir.resolve("ovs-qos.log")).content().contains("debug-line-shown");
    }

    @Test
    void theLockIsReleasedWhenTheEngineReturns() throws Exception {
        daemon((options, runtime) -> 0, privatePaths());

        try (DaemonLock again = DaemonLock.acquire(dir.resolve("daemon.lock"))) {
            assertThat(again.file()).isEqualTo(dir.resolve("daemon.lock"));
        }
    }

    @Test
    void anInvalidEndpointIsAUsageError() {
        CliRun result = daemon((options, runtime) -> 0, privatePaths("--db", "db.sock"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("ovs-qos: --db must be unix:PATH, tcp:HOST:PORT or ssl:HOST:PORT, not 'db.sock'");
    }
}
