package org.ovsqos.ovsdb.client;

import java.util.Objects;
import java.util.regex.Pattern;

/** The {@code HOST[:PORT]} part of a tcp or ssl endpoint. */
record HostPort(String host, int port) {

    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");

    static HostPort parse(String text) {
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in IPv6 address");
            }
            host = text.substring(1, close);
            String after = text.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw new IllegalArgumentException("unexpected \"" + after + "\" after IPv6 address");
            }
            port = after.isEmpty() ? null : after.substring(1);
        } else {
            int colon = text.indexOf(':');
            if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
                throw new IllegalArgumentException("an IPv6 address must be in brackets");
            }
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? null : text.substring(colon + 1);
        }
        return new HostPort(host, port == null ? Endpoint.DEFAULT_PORT : parsePort(port));
    }

    private static int parsePort(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("port \"" + text + "\" is not a number");
        }
        return Integer.parseInt(text);
    }

    static void check(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        boolean valid = host.contains(":") ? IPV6.matcher(host).matches() : HOSTNAME.matcher(host).matches();
        if (!valid) {
            throw new IllegalArgumentException("\"" + host + "\" is not a host name or IP address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range 1-65535");
        }
    }

    static String format(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
