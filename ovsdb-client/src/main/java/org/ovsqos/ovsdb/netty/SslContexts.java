package org.ovsqos.ovsdb.netty;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.ovsqos.ovsdb.OvsdbConnectionException;

/** Builds the client TLS context from Open vSwitch's three PEM files. */
final class SslContexts {

    private SslContexts() {
    }

    private static void requireReadable(String what, Path path, String connection) {
        if (!Files.isReadable(path)) {
            throw new OvsdbConnectionException("cannot read the " + what + " file " + path + " for " + connection);
        }
    }

    static SslContext forClient(ConnectRequest.Tls files, String connection) {
        requireReadable("private key", files.privateKey(), connection);
        requireReadable("certificate", files.certificate(), connection);
        requireReadable("CA certificate", files.caCertificate(), connection);
        try {
            return SslContextBuilder.forClient()
                    .keyManager(PemFiles.privateKey(files.privateKey()), PemFiles.certificates(files.certificate()))
                    .trustManager(PemFiles.certificates(files.caCertificate()))
                    // As in Open vSwitch, trust rests on the CA alone: ovs-pki certificates name a
                    // switch or controller, not a host, so host name checks would reject good peers.
                    .endpointIdentificationAlgorithm(null)
                    .build();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new OvsdbConnectionException("cannot load the TLS files for " + connection + ": " + e.getMessage(), e);
        }
    }
}
