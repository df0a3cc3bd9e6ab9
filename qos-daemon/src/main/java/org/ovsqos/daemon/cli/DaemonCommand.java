package org.ovsqos.daemon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.daemon.common.ConfigUnusableException;
import org.ovsqos.daemon.common.DaemonException;
import org.ovsqos.daemon.common.DaemonOptions;
import org.ovsqos.daemon.common.ExitCodes;
import org.ovsqos.daemon.common.Version;
import org.ovsqos.daemon.logging.LoggingSetup;
import org.ovsqos.daemon.process.DaemonLock;
import org.ovsqos.daemon.process.FileErrors;
import org.ovsqos.daemon.process.LockHeldException;
import org.ovsqos.daemon.runtime.DaemonEngine;
import org.ovsqos.daemon.runtime.DaemonRuntime;
import org.ovsqos.daemon.systemd.SystemdNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ovs-qos daemon}: lock, then logging, then the runtime, then the engine. The lock comes
 * first so that a second instance prints its one line and leaves without touching the first
 * one's log file (two processes rotating one file would corrupt it).
 */
@Command(name = "daemon", description = "Run the daemon (in the foreground; under systemd as Type=notify).")
final class DaemonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = DaemonOptions.DEFAULT_CONFIG,
            description = "Config file; optional, defaults apply without it (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--db", paramLabel = "ENDPOINT", defaultValue = DaemonOptions.DEFAULT_DB,
            description = "OVSDB endpoint: unix:PATH, tcp:HOST:PORT or ssl:HOST:PORT (default: ${DEFAULT-VALUE}).")
    String db;

    @Option(names = "--state", paramLabel = "FILE", defaultValue = DaemonOptions.DEFAULT_STATE,
            description = "State file keeping penalties across restarts (default: ${DEFAULT-VALUE}).")
    Path state;

    @Option(names = "--admin-socket", paramLabel = "FILE", defaultValue = DaemonOptions.DEFAULT_ADMIN_SOCKET,
            description = "Admin socket for the client commands (default: ${DEFAULT-VALUE}).")
    Path adminSocket;

    @Option(names = "--lock", paramLabel = "FILE", defaultValue = DaemonOptions.DEFAULT_LOCK,
            description = "Lock file; one daemon per lock (default: ${DEFAULT-VALUE}).")
    Path lock;

    @Option(names = "--log-file", paramLabel = "FILE|-",
            description = "Rotating log file, or - for stderr only. Default: under systemd (JOURNAL_STREAM) the"
                    + " journal only; elsewhere " + DaemonOptions.DEFAULT_LOG_FILE + " and stderr.")
    String logFile;

    @Option(names = "--log-level", paramLabel = "LEVEL", completionCandidates = LogLevels.class,
            description = "error, warn, info or debug; overrides the config's log_level (default: info).")
    String logLevel;

    @Option(names = "--dry-run", description = "Decide, log and report, but never write OVSDB.")
    boolean dryRun;

    private final DaemonEngine engine;
    private final Clock clock;

    DaemonCommand(DaemonEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    DaemonOptions options() {
        try {
            return DaemonOptions.builder()
                    .configFile(config)
                    .dbEndpoint(db)
                    .stateFile(state)
                    .adminSocket(adminSocket)
                    .lockFile(lock)
                    .logFile(logFile != null ? logFile
                            : LoggingSetup.defaultLogFile(DaemonOptions.DEFAULT_LOG_FILE, DaemonOptions.LOG_TO_STDERR_ONLY))
                    .dryRun(dryRun)
                    .logLevel(logLevel)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    public Integer call() {
        DaemonOptions options = options();
        PrintWriter err = spec.commandLine().getErr();
        DaemonLock held;
        try {
            held = DaemonLock.acquire(options.lockFile());
        } catch (LockHeldException e) {
            return refuse(err, e.getMessage());
        } catch (IOException e) {
            return refuse(err, "cannot open the lock file " + options.lockFile() + ": " + FileErrors.reason(e));
        }
        try (held) {
            LoggingSetup.configureDaemon(options.logFile());
            LoggingSetup.level(options.logLevel().orElse(QosConfig.DEFAULT_LOG_LEVEL));
            // Not a static field: loading this class must not start logging for the client commands.
            Logger log = LoggerFactory.getLogger(DaemonCommand.class);
            log.info("starting version={} pid={} config={} db={} state={} admin_socket={} dry_run={}",
                    Version.current(), ProcessHandle.current().pid(), options.configFile(),
                    options.dbEndpoint(), options.stateFile(), options.adminSocket(), options.dryRun());
            int code;
            try (DaemonRuntime runtime = DaemonRuntime.start(options, SystemdNotifier.fromEnvironment(), clock)) {
                code = engine.run(options, runtime);
            } catch (ConfigUnusableException e) {
                log.error("refused error=\"{}\"", e.getMessage());
                code = ExitCodes.CONFIG_UNUSABLE;
            } catch (DaemonException e) {
                log.error("refused error=\"{}\"", e.getMessage());
                code = ExitCodes.FAILED;
            } catch (Exception e) {
                log.error("fatal error=\"{}\"", e.toString(), e);
                code = ExitCodes.FAILED;
            }
            log.info("stopped exit_code={}", code);
            return code;
        } catch (IOException e) {
            return refuse(err, "cannot release the lock file " + options.lockFile() + ": " + e.getMessage());
        }
    }

    /** What {@code --log-level} completes to. */
    static final class LogLevels extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        LogLevels() {
            super(QosConfig.LOG_LEVELS);
        }
    }

    private static int refuse(PrintWriter err, String message) {
        err.println("ovs-qos: " + message);
        err.flush();
        return ExitCodes.FAILED;
    }
}
