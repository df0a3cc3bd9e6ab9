package org.ovsqos.ovsdb.example;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows the example exactly as it is compiled and run by {@link InterfaceWatchIT}. */
class ReadmeExampleTest {

    @Test
    void theReadmeQuotesTheExampleVerbatim() throws IOException {
        Path module = Path.of("").toAbsolutePath();
        String source = Files.readString(module.resolve(
                "src/test/java/org/ovsqos/ovsdb/example/InterfaceWatch.java"), UTF_8);
        String readme = Files.readString(module.resolveSibling("README.md"), UTF_8);

        assertThat(readme).contains("## ovsdb-client").contains("```java\n" + source + "```");
    }
}
