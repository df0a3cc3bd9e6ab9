package org.ovsqos.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The JSON examples in docs/configuration.md are valid configuration, so the docs stay true. */
class DocumentedExamplesTest {

    private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");

    @Test
    void everyJsonExampleInTheReferenceParsesWithoutProblems() throws IOException {
        List<String> examples = jsonBlocks(Files.readString(REFERENCE, StandardCharsets.UTF_8));

        assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
        for (String example : examples) {
            String file = example.strip().startsWith("{") ? example : "{" + example + "}";
            ConfigResult r = ConfigParser.parse(file.getBytes(StandardCharsets.UTF_8));
            assertThat(r.problems()).as(example).isEmpty();
            assertThat(r.config()).isPresent();
        }
    }

    private static List<String> jsonBlocks(String markdown) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
