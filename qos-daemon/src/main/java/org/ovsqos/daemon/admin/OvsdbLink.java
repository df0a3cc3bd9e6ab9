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
 */
public record OvsdbLink(ConnectionState state, String endpoint, Optional<Instant> since, Optional<String> lastError) {
    public OvsdbLink {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastError, "lastError");
    }
}
