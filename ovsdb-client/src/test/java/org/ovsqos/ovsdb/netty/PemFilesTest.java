package org.ovsqos.ovsdb.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsPkcs8Keys() throws Exception {
        for (String algorithm : new String[] {"RSA", "EC"}) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            KeyPair pair = generator.generateKeyPair();
            Path file = write(algorithm + ".pem", "PRIVATE KEY", pair.getPrivate().getEncoded());

            PrivateKey key = PemFiles.privateKey(file);

            assertThat(key.getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        }
    }

    @Test
    void wrapsPkcs1IntoTheSamePkcs8AsTheJdkWrites() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
        // A 2048-bit key's PKCS#8 form has a 26-byte header before the PKCS#1 RSAPrivateKey.
        byte[] pkcs1 = java.util.Arrays.copyOfRange(pkcs8, 26, pkcs8.length);

        assertThat(PemFiles.wrapPkcs1(pkcs1)).isEqualTo(pkcs8);
        assertThat(PemFiles.privateKey(write("rsa1.pem", "RSA PRIVATE KEY", pkcs1)).getEncoded()).isEqualTo(pkcs8);
    }

    @Test
    void saysWhatItExpectsWhenTheFileHoldsNoKey() throws Exception {
        Path file = Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> PemFiles.privateKey(file)).isInstanceOf(GeneralSecurityException.class)
                .hasMessageContaining("no PEM private key").hasMessageContaining("openssl pkcs8");
    }

    private Path write(String name, String type, byte[] der) throws Exception {
        String pem = "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + type + "-----\n";
        return Files.writeString(dir.resolve(name), pem);
    }
}
