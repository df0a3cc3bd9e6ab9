package org.ovsqos.ovsdb.netty;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One connection to open, in this package's own terms, so that the transport depends on nothing
 * of the API above it: {@code org.ovsqos.ovsdb.client} turns its endpoint and options into this.
 *
 * @param name            the endpoint as the user wrote it, for log lines and errors
 * @param maxMessageSize  the largest JSON value accepted from the server, in bytes
 * @param inactivityProbe how long a silent connection waits before an {@code echo} probes it;
 *                        {@link Duration#ZERO} for never
 * @param connectTimeout  the limit on connecting (and on the TLS handshake)
 */
public record ConnectRequest(String name, Address address, int maxMessageSize, Duration inactivityProbe,
        Duration connectTimeout) {

    public ConnectRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(inactivityProbe, "inactivityProbe");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** Where to connect. */
    public sealed interface Address permits Unix, Tcp, Tls {
    }

    /** A unix domain socket. */
    public record Unix(Path path) implements Address {
    }

    /** Plain tcp. */
    public record Tcp(String host, int port) implements Address {
    }

    /** TLS over tcp, with Open vSwitch's three PEM files (read at each attempt). */
    public record Tls(String host, int port, Path privateKey, Path certificate, Path caCertificate)
            implements Address {
    }
}
