package org.ovsqos.daemon.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ovsqos.daemon.admin.ConnectionState;
import org.ovsqos.daemon.admin.OvsdbLink;
import org.ovsqos.daemon.metrics.DaemonMetrics;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.OvsdbUnresponsiveException;
import org.ovsqos.ovsdb.client.SessionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's view of its OVSDB connection, for {@code status}, metrics and the log. While OVSDB
 * is unreachable the session retries every few seconds, each retry a CONNECTING and a
 * DISCONNECTED; an operator wants the outage, not the retries: so an outage is one state, from
 * its first failure to the next connection, whatever the retries do, and the log has its first
 * failure, a summary line a minute, a line if it turns from unresponsive to disconnected or back,
 * then the recovery. Confined to the governor's thread.
 */
final class OvsdbLinkTracker {
    private static final Logger log = LoggerFactory.getLogger(OvsdbLinkTracker.class);
    static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);

    private final String endpoint;
    private final DaemonMetrics metrics;
    private ConnectionState state = ConnectionState.CONNECTING;
    private Optional<Instant> since = Optional.empty();
    private Optional<String> lastError = Optional.empty();
    /** When the current outage began; null while connected and before the first failure. */
    private Instant downSince;
    private Instant lastSummary;
    private int failedAttempts;

    OvsdbLinkTracker(String endpoint, DaemonMetrics metrics) {
        this.endpoint = endpoint;
        this.metrics = metrics;
    }

    /** @return whether the link just came up (so the governor reconciles) */
    boolean onEvent(SessionEvent event, Instant now) {
        event.cause().map(OvsdbException::getMessage).ifPresent(m -> lastError = Optional.of(m));
        switch (event.state()) {
            case CONNECTING -> {
                if (since.isEmpty()) {
                    since = Optional.of(now); // the first attempt; a retry does not end an outage
                }
            }
            case CONNECTED -> {
                enter(ConnectionState.CONNECTED, now);
                if (downSince != null) {
                    log.info("ovsdb endpoint={} state=connected down_for_s={} failed_attempts={}", endpoint,
                            Duration.between(downSince, now).toSeconds(), failedAttempts);
                    metrics.ovsdbReconnected();
                } else {
                    log.info("ovsdb endpoint={} state=connected", endpoint);
                }
                downSince = null;
                failedAttempts = 0;
                return true;
            }
            case CLOSED -> {
                enter(ConnectionState.DISCONNECTED, now); // the daemon is stopping: nothing to retry
            }
            case DISCONNECTED -> {
                failedAttempts++;
                ConnectionState outage = event.cause().filter(OvsdbUnresponsiveException.class::isInstance).isPresent()
                        ? ConnectionState.UNRESPONSIVE : ConnectionState.DISCONNECTED;
                if (downSince == null) {
                    downSince = now;
                    lastSummary = now;
                    enter(outage, now);
                    log.warn("ovsdb endpoint={} state={} error=\"{}\" action=retrying", endpoint, outage.jsonName(),
                            lastError.orElse("unknown"));
                } else if (outage != state) {
                    state = outage; // the same outage: its start stays
                    lastSummary = now;
                    log.warn("ovsdb endpoint={} state={} down_for_s={} failed_attempts={} error=\"{}\"", endpoint,
                            outage.jsonName(), Duration.between(downSince, now).toSeconds(), failedAttempts,
                            lastError.orElse("unknown"));
                } else if (Duration.between(lastSummary, now).compareTo(SUMMARY_EVERY) >= 0) {
                    lastSummary = now;
                    log.warn("ovsdb endpoint={} state={} down_for_s={} failed_attempts={} last_error=\"{}\"",
                            endpoint, outage.jsonName(), Duration.between(downSince, now).toSeconds(), failedAttempts,
                            lastError.orElse("unknown"));
                }
            }
        }
        return false;
    }

    boolean connected() {
        return state == ConnectionState.CONNECTED;
    }

    OvsdbLink view() {
        return new OvsdbLink(state, endpoint, since, lastError, failedAttempts);
    }

    private void enter(ConnectionState next, Instant now) {
        if (next != state || since.isEmpty()) {
            state = next;
            since = Optional.of(now);
        }
    }
}
