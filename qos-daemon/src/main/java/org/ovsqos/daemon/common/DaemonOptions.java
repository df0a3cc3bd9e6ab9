package org.ovsqos.daemon.common;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.ovsqos.core.config.QosConfig;

/**
 * The flags of {@code ovs-qos daemon} (the command-line contract in the README, "Operating it"), as one
 * immutable value built once and validated in {@link Builder#build()}.
 *
 * @param configFile  the JSON config; absent means all defaults
 * @param dbEndpoint  the OVSDB endpoint, {@code unix:PATH}, {@code tcp:HOST:PORT} or
 *                    {@code ssl:HOST:PORT}
 * @param stateFile   where penalties are saved between runs
 * @param adminSocket the unix socket the CLI talks to
 * @param lockFile    held for the life of the process so that only one daemon runs
 * @param logFile     the rotating log file; empty for {@code --log-file -} (stderr only)
 * @param dryRun      decide, log and report, but never write OVSDB
 * @param logLevel    {@code --log-level}, which wins over the config's {@code log_level}; empty when not given
 */
public record DaemonOptions(
        Path configFile,
        String dbEndpoint,
        Path stateFile,
        Path adminSocket,
        Path lockFile,
        Optional<Path> logFile,
        boolean dryRun,
        Optional<String> logLevel) {

    // Strings, not Paths, so that picocli annotations can name them as compile-time constants.
    public static final String DEFAULT_CONFIG = "/opt/ovs-qos/config.json";
    public static final String DEFAULT_DB = "unix:/var/run/openvswitch/db.sock";
    public static final String DEFAULT_STATE = "/run/ovs-qos/state.json";
    public static final String DEFAULT_ADMIN_SOCKET = "/run/ovs-qos/admin.sock";
    public static final String DEFAULT_LOCK = "/run/ovs-qos/daemon.lock";
    public static final String DEFAULT_LOG_FILE = "/var/log/ovs-qos.log";
    /** The {@code --log-file} value that means "stderr only". */
    public static final String LOG_TO_STDERR_ONLY = "-";

    public DaemonOptions {
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(dbEndpoint, "dbEndpoint");
        Objects.requireNonNull(stateFile, "stateFile");
        Objects.requireNonNull(adminSocket, "adminSocket");
        Objects.requireNonNull(lockFile, "lockFile");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(logLevel, "logLevel");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from the contract's defaults. */
    public static final class Builder {
        private Path configFile = Path.of(DEFAULT_CONFIG);
        private String dbEndpoint = DEFAULT_DB;
        private Path stateFile = Path.of(DEFAULT_STATE);
        private Path adminSocket = Path.of(DEFAULT_ADMIN_SOCKET);
        private Path lockFile = Path.of(DEFAULT_LOCK);
        private String logFile = DEFAULT_LOG_FILE;
        private boolean dryRun;
        private String logLevel;

        private Builder() {}

        public Builder configFile(Path value) {
            configFile = value;
            return this;
        }

        public Builder dbEndpoint(String value) {
            dbEndpoint = value;
            return this;
        }

        public Builder stateFile(Path value) {
            stateFile = value;
            return this;
        }

        public Builder adminSocket(Path value) {
            adminSocket = value;
            return this;
        }

        public Builder lockFile(Path value) {
            lockFile = value;
            return this;
        }

        /** A path, or {@value #LOG_TO_STDERR_ONLY} for stderr only. */
        public Builder logFile(String value) {
            logFile = value;
            return this;
        }

        public Builder dryRun(boolean value) {
            dryRun = value;
            return this;
        }

        /** One of {@link QosConfig#LOG_LEVELS}, in any case; null when not given. */
        public Builder logLevel(String value) {
            logLevel = value;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the flag when a value cannot be used
         */
        public DaemonOptions build() {
            requireEndpoint(dbEndpoint);
            if (logFile == null || logFile.isBlank()) {
                throw new IllegalArgumentException("--log-file must be a path or '-'");
            }
            Optional<Path> log = logFile.equals(LOG_TO_STDERR_ONLY)
                    ? Optional.empty() : Optional.of(Path.of(logFile));
            requireDistinct(stateFile, adminSocket, lockFile);
            Optional<String> level = Optional.ofNullable(logLevel).map(l -> l.toLowerCase(Locale.ROOT));
            if (level.isPresent() && !QosConfig.LOG_LEVELS.contains(level.get())) {
                throw new IllegalArgumentException("--log-level must be one of "
                        + String.join(", ", QosConfig.LOG_LEVELS) + ", not '" + logLevel + "'");
            }
            return new DaemonOptions(configFile, dbEndpoint, stateFile, adminSocket, lockFile, log, dryRun, level);
        }

        // Only the scheme is checked here, so that a typo fails at start with the flag's name;
        // the ovsdb-client endpoint parser owns the full syntax when the engine connects.
        private static void requireEndpoint(String endpoint) {
            if (endpoint == null
                    || !(endpoint.startsWith("unix:") || endpoint.startsWith("tcp:") || endpoint.startsWith("ssl:"))
                    || endpoint.indexOf(':') == endpoint.length() - 1) {
                throw new IllegalArgumentException(
                        "--db must be unix:PATH, tcp:HOST:PORT or ssl:HOST:PORT, not '" + endpoint + "'");
            }
        }

        // Sharing one path between the state file, the socket and the lock would destroy one of them.
        private static void requireDistinct(Path state, Path socket, Path lock) {
            Path s = state.toAbsolutePath().normalize();
            Path a = socket.toAbsolutePath().normalize();
            Path l = lock.toAbsolutePath().normalize();
            if (s.equals(a) || s.equals(l) || a.equals(l)) {
                throw new IllegalArgumentException("--state, --admin-socket and --lock must be different files");
            }
        }
    }
}
