package org.ovsqos.ovsdb.client;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The PEM files an {@code ssl:} connection authenticates with, as Open vSwitch takes them
 * ({@code --private-key}, {@code --certificate}, {@code --ca-cert}): the client's private key, its
 * certificate, and the CA certificate the server's certificate must be signed by. The files are
 * read at each connection attempt, so renewed certificates are picked up on reconnect.
 */
public record SslFiles(Path privateKey, Path certificate, Path caCertificate) {
    public SslFiles {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(caCertificate, "caCertificate");
    }
}
