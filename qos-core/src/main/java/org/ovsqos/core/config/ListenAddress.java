package org.ovsqos.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the Prometheus endpoint listens: {@code metrics_listen} as {@code HOST:PORT},
 * {@code [IPV6]:PORT} or {@code :PORT} (all addresses). Port 0 asks for any free port.
 *
 * @param host a host name or literal address, without brackets; {@code "0.0.0.0"} for all
 * @param port 0 to 65535
 */
public record ListenAddress(String host, int port) {

    /** The host {@code :PORT} stands for. */
    public static final String ANY_HOST = "0.0.0.0";

    public ListenAddress {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
    }

    /** Parses {@code HOST:PORT}, {@code [IPV6]:PORT} or {@code :PORT}; empty when malformed. */
    public static Optional<ListenAddress> parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String host = text.substring(0, colon);
        String portText = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]") && host.length() > 2) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":") || host.contains("[") || host.contains("]")) {
            return Optional.empty(); // a bare IPv6 literal is ambiguous without brackets
        }
        if (host.isEmpty()) {
            host = ANY_HOST;
        }
        if (host.chars().anyMatch(Character::isWhitespace)
                || portText.isEmpty() || portText.length() > 5
                || !portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int port = Integer.parseInt(portText);
        return port > 65535 ? Optional.empty() : Optional.of(new ListenAddress(host, port));
    }

    /** The canonical text, which {@link #parse} reads back to an equal value. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
