package org.ovsqos.daemon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.daemon.admin.AdminCommandException;

/** A reload takes a clean file and refuses any other, naming the problems, as {@code validate-config} does. */
class ConfigReloadTest {
    @TempDir
    Path dir;

    private Path config(String json) throws IOException {
        return Files.writeString(dir.resolve("config.json"), json);
    }

    @Test
    void takesACleanFile() throws IOException {
        QosConfig config = ConfigReload.read(config("{\"base_rate_mbit\": 10}"));

        assertThat(config.baseKbps()).isEqualTo(10_000);
    }

    @Test
    void refusesAFileThatWouldNeedAFallbackAndSaysWhy() throws IOException {
        Path path = config("{\"base_rate_mbit\": \"10\"}");

        try (LogCapture log = LogCapture.of(ConfigReload.class)) {
            assertThatThrownBy(() -> ConfigReload.read(path))
                    .isInstanceOf(AdminCommandException.class)
                    .hasMessageStartingWith("config " + path + " is usable only with fallbacks; not reloaded, "
                            + "the running config stays. 1 problem(s): WARNING base_rate_mbit: ");
            assertThat(log.lines(Level.WARN)).singleElement().asString()
                    .startsWith("config path=" + path + " reloaded=false problem=\"WARNING base_rate_mbit: ");
            assertThat(log.lines(Level.ERROR)).containsExactly("config path=" + path + " reloaded=false "
                    + "verdict=\"usable only with fallbacks\" problems=1 unlisted=0 action=\"keeping the running config\"");
        }
    }

    @Test
    void refusesAnUnknownKeyLikeAnyOtherWarning() throws IOException {
        Path path = config("{\"base_rate_mbit\": 10, \"stage1_trigger_second\": 60}");

        assertThatThrownBy(() -> ConfigReload.read(path)).hasMessageContaining("stage1_trigger_second");
    }

    @Test
    void refusesAnUnusableFile() throws IOException {
        Path path = config("{\"base_rate_mbit\": 10,");

        assertThatThrownBy(() -> ConfigReload.read(path)).hasMessageStartingWith("config " + path + " is unusable;");
    }

    @Test
    void refusesAFileThatVanishedRatherThanFallingBackToEveryDefault() {
        Path path = dir.resolve("config.json");

        assertThatThrownBy(() -> ConfigReload.read(path)).hasMessageContaining(path + " does not exist");
    }

    @Test
    void listsAtMostTenProblemsAndCountsTheRest() throws IOException {
        String typos = IntStream.range(0, 13).mapToObj(i -> "\"typo" + i + "\": 1").collect(Collectors.joining(", "));
        Path path = config("{" + typos + "}");

        try (LogCapture log = LogCapture.of(ConfigReload.class)) {
            assertThatThrownBy(() -> ConfigReload.read(path))
                    .hasMessageContaining("13 problem(s): ")
                    .hasMessageContaining("typo9")
                    .hasMessageNotContaining("typo10")
                    .hasMessageEndingWith("; and 3 more (ovs-qos validate-config " + path + " lists all)");
            assertThat(log.lines(Level.WARN)).hasSize(ConfigReload.MAX_LISTED);
        }
    }
}
