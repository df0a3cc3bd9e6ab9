package org.ovsqos.ovsdb.client;

import java.time.Duration;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.netty.ConnectRequest;

/**
 * An endpoint and the options, as the transport takes them: the one place where the client's
 * choices about a connection (which endpoints are probed, which TLS files) meet the transport,
 * so that the transport needs nothing of this package.
 */
final class ConnectRequests {
    private ConnectRequests() {}

    /** @throws OvsdbConnectionException for an {@code ssl:} endpoint without TLS files */
    static ConnectRequest of(Endpoint endpoint, OvsdbOptions options) {
        String name = endpoint.toString();
        if (endpoint instanceof Endpoint.Unix unix) {
            // The kernel reports a dead server at once; the rarer probe catches a frozen one.
            return request(name, new ConnectRequest.Unix(unix.path()), options.unixInactivityProbe(), options);
        }
        if (endpoint instanceof Endpoint.Tcp tcp) {
            return request(name, new ConnectRequest.Tcp(tcp.host(), tcp.port()), options.inactivityProbe(), options);
        }
        Endpoint.Ssl ssl = (Endpoint.Ssl) endpoint;
        SslFiles files = options.ssl().orElseThrow(() ->
                new OvsdbConnectionException(name + " needs TLS files: set OvsdbOptions ssl(...)"));
        return request(name, new ConnectRequest.Tls(ssl.host(), ssl.port(), files.privateKey(), files.certificate(),
                files.caCertificate()), options.inactivityProbe(), options);
    }

    private static ConnectRequest request(String name, ConnectRequest.Address address, Duration probe,
            OvsdbOptions options) {
        return new ConnectRequest(name, address, options.maxMessageSize(), probe, options.connectTimeout());
    }
}
