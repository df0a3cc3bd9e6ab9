package org.ovsqos.daemon.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ovsqos.daemon.admin.ConnectionState;
import org.ovsqos.daemon.admin.OvsdbLink;
import org.ovsqos.daemon.metrics.DaemonMetrics;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.client.SessionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's view of its OVSDB connection, for {@code status}, metrics and the log. While OVSDB
 * is unreachable the session retries every few seconds; logging each attempt would bury
 * everything else, so this logs the first failure, then one summary line a minute, then the
 * recovery. Confined to the governor's thread.
 */
final class OvsdbLinkTracker {
    private static final Logger log = LoggerFactory.getLogger(OvsdbLinkTracker.class);
    static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);

    private final String endpoint;
    private final DaemonMetrics metrics;
    private ConnectionState state = ConnectionState.CONNECTING;
    private Optional<Instant> since = Optional.empty();
    private Optional<String> lastError = Optional.empty();
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
            case CONNECTING -> move(ConnectionState.CONNECTING, now);
            case CONNECTED -> {
                move(ConnectionState.CONNECTED, now);
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
                move(ConnectionState.DISCONNECTED, now); // the daemon is stopping: nothing to retry
            }
            case DISCONNECTED -> {
                move(ConnectionState.DISCONNECTED, now);
                failedAttempts++;
                if (downSince == null) {
                    downSince = now;
                    lastSummary = now;
                    log.warn("ovsdb endpoint={} state=disconnected error=\"{}\" action=retrying", endpoint,
                            lastError.orElse("unknown"));
                } else if (Duration.between(lastSummary, now).compareTo(SUMMARY_EVERY) >= 0) {
                    lastSummary = now;
                    log.warn("ovsdb endpoint={} state=disconnected down_for_s={} failed_attempts={} last_error=\"{}\"",
                            endpoint, Duration.between(downSince, now).toSeconds(), failedAttempts,
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
        return new OvsdbLink(state, endpoint, since, lastError);
    }

    private void move(ConnectionState next, Instant now) {
        if (next != state || since.isEmpty()) {
            state = next;
            since = Optional.of(now);
        }
    }
}
