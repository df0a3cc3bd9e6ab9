package org.ovsqos.daemon.metrics;

import java.net.InetSocketAddress;

/** Parses the config's {@code metrics_listen}: {@code HOST:PORT}, {@code [IPV6]:PORT} or {@code :PORT} (all addresses). */
public final class MetricsListen {
    private MetricsListen() {}

    /**
     * @return an unresolved address; the host is resolved when the endpoint binds
     * @throws IllegalArgumentException naming the value when it is not HOST:PORT
     */
    public static InetSocketAddress parse(String value) {
        String text = value == null ? "" : value.trim();
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw invalid(value);
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw invalid(value); // an IPv6 literal needs brackets, or the port is ambiguous
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw invalid(value);
        }
        if (port < 0 || port > 65535) {
            throw invalid(value);
        }
        return host.isEmpty() ? new InetSocketAddress(port) : InetSocketAddress.createUnresolved(host, port);
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException(
                "metrics_listen must be HOST:PORT, [IPV6]:PORT or :PORT, not '" + value + "'");
    }
}
