package org.ovsqos.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UidResolverTest {
    @TempDir
    Path dir;

    private UidResolver resolver() throws IOException {
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, """
                root:x:0:0:root:/root:/bin/bash
                daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
                alice:x:1000:1000:Alice,,,:/home/alice:/bin/bash
                broken:x:notanumber:0::/:/bin/false
                """);
        return new UidResolver(passwd);
    }

    @Test
    void resolvesLocalAccountsFromThePasswdFile() throws IOException {
        UidResolver resolver = resolver();

        assertThat(resolver.uidOf("root")).hasValue(0);
        assertThat(resolver.uidOf("alice")).hasValue(1000);
    }

    @Test
    void takesANumericNameAsTheUidItself() throws IOException {
        // The JDK names a peer without a passwd entry by its decimal uid.
        assertThat(resolver().uidOf("4711")).hasValue(4711);
    }

    @Test
    void failsClosedForUnknownOrBrokenEntries() throws IOException {
        UidResolver resolver = resolver();

        assertThat(resolver.uidOf("ldapuser")).isEmpty();
        assertThat(resolver.uidOf("broken")).isEmpty();
        assertThat(new UidResolver(dir.resolve("missing")).uidOf("root")).isEmpty();
    }

    @Test
    void doesNotMatchANamePrefix() throws IOException {
        assertThat(resolver().uidOf("roo")).isEmpty();
    }
}
