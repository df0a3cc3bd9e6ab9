package org.ovsqos.ovsdb.client;

/**
 * Counters of one connection, for metrics and tests.
 *
 * @param pendingCalls calls sent and not yet answered
 * @param notificationsReceived notifications delivered to listeners
 * @param echoRequestsAnswered the server's {@code echo} requests answered (RFC 7047 section 4.1.11)
 * @param inactivityProbesSent our own {@code echo} probes after silence from the server
 * @param protocolAnomalies responses that matched no pending call (unknown or duplicate ids)
 */
public record ConnectionStats(int pendingCalls, long notificationsReceived, long echoRequestsAnswered,
        long inactivityProbesSent, long protocolAnomalies) {
}
