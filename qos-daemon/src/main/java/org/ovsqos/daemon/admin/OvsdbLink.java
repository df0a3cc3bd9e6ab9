package org.ovsqos.daemon.admin;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The daemon's OVSDB connection in {@link DaemonStatus}.
 *
 * @param state          connecting, connected, unresponsive or disconnected
 * @param endpoint       the {@code --db} endpoint
 * @param since          when it entered {@code state}; while OVSDB is unresponsive or disconnected,
 *                       when that outage began, kept across the retries (and across a change
 *                       between the two); empty before the first attempt
 * @param lastError      why the last attempt or connection failed; empty when there was none
 * @param failedAttempts connection attempts (the loss of the connection included) that failed in
 *                       the current outage; 0 while connected
 */
public record OvsdbLink(ConnectionState state, String endpoint, Optional<Instant> since, Optional<String> lastError,
        int failedAttempts) {
    public OvsdbLink {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastError, "lastError");
        if (failedAttempts < 0) {
            throw new IllegalArgumentException("failedAttempts must be >= 0, got " + failedAttempts);
        }
    }

    /** A link without failed attempts (connected, or before the first outcome). */
    public OvsdbLink(ConnectionState state, String endpoint, Optional<Instant> since, Optional<String> lastError) {
        this(state, endpoint, since, lastError, 0);
    }
}
