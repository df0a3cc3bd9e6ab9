package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.testing.OvsBinaries;
import org.ovsqos.ovsdb.testing.OvsdbServerProcess;

/** ssl: endpoints against a real ovsdb-server with certificates from ovs-pki. */
class SslIT {

    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static OvsdbServerProcess server;

    @BeforeAll
    static void startServer() {
        server = OvsdbServerProcess.startWithSsl();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void talksToTheServerOverTls() throws Exception {
        try (OvsdbConnection connection = connect(server.clientSslFiles()).get(WITHIN.toSeconds(), TimeUnit.SECONDS)) {
            JsonNode dbs = connection.call("list_dbs").get(WITHIN.toSeconds(), TimeUnit.SECONDS);

            assertThat(dbs).extracting(JsonNode::asText).contains("Open_vSwitch");
        }
    }

    @Test
    void readsAPkcs1KeyAsOvsPkiWritesItWithOpenssl11() throws Exception {
        SslFiles files = server.clientSslFiles();
        Path pkcs1 = server.directory().resolve("client-privkey-pkcs1.pem");
        openssl("rsa", "-in", files.privateKey().toString(), "-traditional", "-out", pkcs1.toString());
        assertThat(Files.readString(pkcs1)).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        try (OvsdbConnection connection = connect(new SslFiles(pkcs1, files.certificate(), files.caCertificate()))
                .get(WITHIN.toSeconds(), TimeUnit.SECONDS)) {
            assertThat(connection.call("echo").get(WITHIN.toSeconds(), TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void refusesAServerCertificateFromAnotherCa() {
        SslFiles files = server.clientSslFiles();
        Path otherCa = files.caCertificate().getParent().getParent().resolve("controllerca").resolve("cacert.pem");

        CompletableFuture<OvsdbConnection> attempt = connect(new SslFiles(files.privateKey(), files.certificate(),
                otherCa));

        assertThat(attempt).failsWithin(WITHIN).withThrowableOfType(ExecutionException.class).havingCause()
                .isInstanceOf(OvsdbConnectionException.class).withMessageContaining("TLS");
    }

    private static CompletableFuture<OvsdbConnection> connect(SslFiles files) {
        return OvsdbConnection.connect(server.sslEndpoint(), OvsdbOptions.builder().ssl(files).build());
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = OvsBinaries.find("openssl").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("openssl %s", output).isZero();
    }
}
