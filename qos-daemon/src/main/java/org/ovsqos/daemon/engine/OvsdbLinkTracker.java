package org.ovsqos.daemon.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ovsqos.daemon.admin.ConnectionState;
import org.ovsqos.daemon.admin.OvsdbLink;
import org.ovsqos.daemon.metrics.DaemonMetrics;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.OvsdbTimeoutException;
import org.ovsqos.ovsdb.OvsdbUnresponsiveException;
import org.ovsqos.ovsdb.client.SessionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's view of its OVSDB connection, for {@code status}, metrics and the log. While OVSDB
 * is unreachable the session retries every few seconds; logging each attempt would bury
 * everything else, so this logs the first failure, then one summary line a minute, then the
 * recovery. The outage's start is kept across the retries. A server that stopped answering (its
 * probe went unanswered, or a call on a new connection timed out) is UNRESPONSIVE until it
 * answers again or fails otherwise: the retries' CONNECTING in between does not hide that.
 * Confined to the governor's thread.
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
            case CONNECTING -> {
                if (state != ConnectionState.UNRESPONSIVE) {
                    move(ConnectionState.CONNECTING, now);
                }
            }
            case CONNECTED -> {
                move(ConnectionState.CONNECTED, now);
                metrics.ovsdbConnected(true);
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
                metrics.ovsdbConnected(false);
            }
            case DISCONNECTED -> {
                boolean frozen = event.cause().filter(c -> c instanceof OvsdbUnresponsiveException
                        || c instanceof OvsdbTimeoutException).isPresent();
                move(frozen ? ConnectionState.UNRESPONSIVE : ConnectionState.DISCONNECTED, now);
                metrics.ovsdbConnected(false);
                failedAttempts++;
                if (downSince == null) {
                    downSince = now;
                    lastSummary = now;
                    log.warn("ovsdb endpoint={} state={} error=\"{}\" action=retrying", endpoint, state.jsonName(),
                            lastError.orElse("unknown"));
                } else if (Duration.between(lastSummary, now).compareTo(SUMMARY_EVERY) >= 0) {
                    lastSummary = now;
                    log.warn("ovsdb endpoint={} state={} down_for_s={} failed_attempts={} last_error=\"{}\"",
                            endpoint, state.jsonName(), Duration.between(downSince, now).toSeconds(), failedAttempts,
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
        return new OvsdbLink(state, endpoint, since, lastError, Optional.ofNullable(downSince), failedAttempts);
    }

    private void move(ConnectionState next, Instant now) {
        if (next != state || since.isEmpty()) {
            state = next;
            since = Optional.of(now);
        }
    }
}
