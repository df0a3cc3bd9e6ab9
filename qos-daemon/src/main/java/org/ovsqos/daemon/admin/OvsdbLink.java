package org.ovsqos.daemon.admin;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The daemon's OVSDB connection in {@link DaemonStatus}.
 *
 * @param state     connected, connecting or disconnected
 * @param endpoint  the {@code --db} endpoint
 * @param since     when it entered {@code state}; empty before the first attempt
 * @param lastError why the last attempt or connection failed; empty when there was none
 * @param downSince when the current outage began, however many attempts it has seen since; empty
 *                  while connected
 * @param failedAttempts the connection attempts that failed in the current outage; 0 while connected
 */
public record OvsdbLink(ConnectionState state, String endpoint, Optional<Instant> since, Optional<String> lastError,
        Optional<Instant> downSince, int failedAttempts) {
    public OvsdbLink {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(downSince, "downSince");
    }
}
