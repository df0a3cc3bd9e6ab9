package org.ovsqos.ovsdb.client;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where an OVSDB server listens, written as Open vSwitch writes active connection methods
 * ({@code ovsdb-server(1)}, "Active database connection methods"; RFC 7047 section 1 leaves the
 * transport to the implementation): {@code unix:PATH}, {@code tcp:HOST:PORT} or
 * {@code ssl:HOST:PORT}. An IPv6 host goes in brackets ({@code tcp:[::1]:6640}); a missing port
 * means {@value #DEFAULT_PORT}, the IANA port for OVSDB.
 */
public sealed interface Endpoint permits Endpoint.Unix, Endpoint.Tcp, Endpoint.Ssl {

    /** The local database socket of a packaged Open vSwitch. */
    String DEFAULT = "unix:/var/run/openvswitch/db.sock";
    /** RFC 7047 section 6: OVSDB's IANA-assigned TCP port. */
    int DEFAULT_PORT = 6640;

    static Endpoint defaultEndpoint() {
        return parse(DEFAULT);
    }

    /**
     * Parses {@code unix:PATH}, {@code tcp:HOST[:PORT]} or {@code ssl:HOST[:PORT]}.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    static Endpoint parse(String text) {
        Objects.requireNonNull(text, "endpoint");
        int colon = text.indexOf(':');
        String method = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : text.substring(colon + 1);
        try {
            return switch (method) {
                case "unix" -> new Unix(Path.of(rest));
                case "tcp" -> {
                    HostPort hp = HostPort.parse(rest);
                    yield new Tcp(hp.host(), hp.port());
                }
                case "ssl" -> {
                    HostPort hp = HostPort.parse(rest);
                    yield new Ssl(hp.host(), hp.port());
                }
                default -> throw new IllegalArgumentException("unknown connection method");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid OVSDB endpoint \"" + text + "\": " + e.getMessage()
                    + " (expected unix:PATH, tcp:HOST:PORT or ssl:HOST:PORT; IPv6 as tcp:[::1]:6640)", e);
        }
    }

    /** The canonical text form, which {@link #parse} reads back to an equal endpoint. */
    @Override
    String toString();

    /** A unix domain socket, e.g. {@code unix:/var/run/openvswitch/db.sock}. */
    record Unix(Path path) implements Endpoint {
        public Unix {
            Objects.requireNonNull(path, "path");
            if (path.toString().isEmpty()) {
                throw new IllegalArgumentException("empty socket path");
            }
        }

        @Override
        public String toString() {
            return "unix:" + path;
        }
    }

    /** Plain TCP. */
    record Tcp(String host, int port) implements Endpoint {
        public Tcp {
            HostPort.check(host, port);
        }

        @Override
        public String toString() {
            return "tcp:" + HostPort.format(host, port);
        }
    }

    /** TLS over TCP, authenticated with the PEM files of {@link OvsdbOptions#ssl()}. */
    record Ssl(String host, int port) implements Endpoint {
        public Ssl {
            HostPort.check(host, port);
        }

        @Override
        public String toString() {
            return "ssl:" + HostPort.format(host, port);
        }
    }
}
