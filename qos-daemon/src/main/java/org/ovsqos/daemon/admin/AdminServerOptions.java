package org.ovsqos.daemon.admin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and place of the admin socket, built once and validated in {@link Builder#build()}.
 *
 * @param socket                the socket file
 * @param maxRequestBytes       a longer request gets an error reply and is dropped
 * @param maxRootRequestBytes   the same for root, whose {@code release} carries an interface
 *                              name, and OVSDB bounds no name's length
 * @param readTimeout           a client must send its whole request (and take the whole reply)
 *                              within this, or it is dropped
 * @param commandTimeout        how long a mutating command may take in the engine before the
 *                              client is told it did not finish
 * @param maxConnections        connections beyond this many at once are answered with an error
 * @param maxConnectionsPerUser how many of them one non-root uid may hold
 * @param reservedForRoot       how many of them only root may use (see {@link ConnectionQuota})
 */
public record AdminServerOptions(
        Path socket, int maxRequestBytes, int maxRootRequestBytes, Duration readTimeout, Duration commandTimeout,
        int maxConnections, int maxConnectionsPerUser, int reservedForRoot) {

    public static final int DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;
    /** A command-line argument is at most 128 KiB (MAX_ARG_STRLEN); JSON-escaped, it stays below this. */
    public static final int DEFAULT_MAX_ROOT_REQUEST_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_CONNECTIONS = 128;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_USER = 16;
    public static final int DEFAULT_RESERVED_FOR_ROOT = 16;

    public AdminServerOptions {
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
    }

    public static Builder builder(Path socket) {
        return new Builder(socket);
    }

    /** The request limit for this peer. */
    int maxRequestBytes(PeerCredentials peer) {
        return peer.isRoot() ? maxRootRequestBytes : maxRequestBytes;
    }

    public static final class Builder {
        private final Path socket;
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private int maxRootRequestBytes = DEFAULT_MAX_ROOT_REQUEST_BYTES;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int maxConnectionsPerUser = DEFAULT_MAX_CONNECTIONS_PER_USER;
        private int reservedForRoot = DEFAULT_RESERVED_FOR_ROOT;

        private Builder(Path socket) {
            this.socket = socket;
        }

        public Builder maxRequestBytes(int value) {
            maxRequestBytes = value;
            return this;
        }

        public Builder maxRootRequestBytes(int value) {
            maxRootRequestBytes = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            readTimeout = value;
            return this;
        }

        public Builder commandTimeout(Duration value) {
            commandTimeout = value;
            return this;
        }

        public Builder maxConnections(int value) {
            maxConnections = value;
            return this;
        }

        public Builder maxConnectionsPerUser(int value) {
            maxConnectionsPerUser = value;
            return this;
        }

        public Builder reservedForRoot(int value) {
            reservedForRoot = value;
            return this;
        }

        public AdminServerOptions build() {
            Objects.requireNonNull(socket, "socket");
            if (maxRequestBytes < 64) {
                throw new IllegalArgumentException("maxRequestBytes must be at least 64: " + maxRequestBytes);
            }
            if (maxRootRequestBytes < maxRequestBytes) {
                throw new IllegalArgumentException("maxRootRequestBytes " + maxRootRequestBytes
                        + " must be at least maxRequestBytes " + maxRequestBytes);
            }
            requirePositive("readTimeout", readTimeout);
            requirePositive("commandTimeout", commandTimeout);
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
            }
            if (maxConnectionsPerUser < 1) {
                throw new IllegalArgumentException("maxConnectionsPerUser must be at least 1: " + maxConnectionsPerUser);
            }
            if (reservedForRoot < 0 || reservedForRoot >= maxConnections) {
                throw new IllegalArgumentException("reservedForRoot must be from 0 to maxConnections - 1 ("
                        + (maxConnections - 1) + "): " + reservedForRoot);
            }
            return new AdminServerOptions(socket, maxRequestBytes, maxRootRequestBytes, readTimeout, commandTimeout,
                    maxConnections, maxConnectionsPerUser, reservedForRoot);
        }

        private static void requirePositive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
        }
    }
}
