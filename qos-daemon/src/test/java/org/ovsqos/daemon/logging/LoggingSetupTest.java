package org.ovsqos.daemon.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LoggingSetupTest {
    private static final String FILE_LINE =
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  \\[main\\] LoggingSetupTest: "
                    + "iface=kvm101\\.0 stage=1->2 mbps=912\\.4";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream realStderr;
    private final Logger log = LoggerFactory.getLogger(LoggingSetupTest.class);

    @BeforeEach
    void captureStderr() {
        realStderr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() throws Exception {
        System.setErr(realStderr);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    private String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesGreppableKeyValueLinesToTheFileAndToStderr() throws IOException {
        Path file = dir.resolve("ovs-qos.log");
        LoggingSetup.Outcome outcome = LoggingSetup.configureDaemon(Optional.of(file), false);

        log.info("iface=kvm101.0 stage=1->2 mbps=912.4");

        assertThat(outcome.file()).hasValue(file);
        assertThat(Files.readAllLines(file)).singleElement().asString().matches(FILE_LINE);
        assertThat(stderr().lines().toList()).singleElement().asString().matches(FILE_LINE);
    }

    @Test
    void logsAtInfoAndAbove() throws IOException {
        Path file = dir.resolve("ovs-qos.log");
        LoggingSetup.configureDaemon(Optional.of(file), false);

        log.debug("noise=1");
        log.info("kept=1");

        assertThat(Files.readString(file)).doesNotContain("noise=1").contains("kept=1");
        assertThat(((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).getLevel())
                .isEqualTo(Level.INFO);
    }

    @Test
    void toJournaldEachLineStartsWithItsSyslogPriority() {
        LoggingSetup.Outcome outcome = LoggingSetup.configureDaemon(Optional.empty(), true);

        log.warn("iface=kvm101.0 drift=1");
        log.error("fatal=1");

        assertThat(outcome.journal()).isTrue();
        assertThat(stderr().lines().toList()).containsExactly(
                "<4>WARN  [main] LoggingSetupTest: iface=kvm101.0 drift=1",
                "<3>ERROR [main] LoggingSetupTest: fatal=1");
    }

    @Test
    void underTheJournalAGivenFileTakesEveryLineAndTheJournalNone() throws IOException {
        Path file = dir.resolve("ovs-qos.log");
        LoggingSetup.Outcome outcome = LoggingSetup.configureDaemon(Optional.of(file), true);

        log.info("iface=kvm101.0 stage=1->2 mbps=912.4");

        assertThat(outcome.file()).hasValue(file);
        assertThat(outcome.journal()).as("nothing goes to the journal").isFalse();
        assertThat(Files.readAllLines(file)).singleElement().asString().matches(FILE_LINE);
        assertThat(stderr()).as("each line once").isEmpty();
    }

    @Test
    void theLevelCanBeRaisedAndLowered() {
        LoggingSetup.configureDaemon(Optional.empty(), false);

        LoggingSetup.level("debug");
        log.debug("shown=1");
        LoggingSetup.level("warn");
        log.info("shown=0");
        log.warn("shown=2");

        assertThat(stderr()).contains("shown=1", "shown=2").doesNotContain("shown=0");
    }

    @Test
    void dashMeansStderrOnly() throws IOException {
        LoggingSetup.Outcome outcome = LoggingSetup.configureDaemon(Optional.empty(), false);

        log.info("only=stderr");

        assertThat(outcome.file()).isEmpty();
        assertThat(outcome.fileError()).isEmpty();
        assertThat(stderr()).contains("only=stderr");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void anUnwritableLogFileFallsBackToStderrWithAWarning() throws IOException {
        Path notAFile = Files.createDirectory(dir.resolve("ovs-qos.log"));

        LoggingSetup.Outcome outcome = LoggingSetup.configureDaemon(Optional.of(notAFile), false);
        log.info("still=logged");

        assertThat(outcome.file()).isEmpty();
        assertThat(outcome.fileError()).hasValue("cannot open " + notAFile + " for appending");
        assertThat(stderr()).contains("log_file=" + notAFile).contains("still=logged");
    }

    @Test
    void rotatesAtTheSizeLimitKeepingThreeBackups() throws IOException {
        Path file = dir.resolve("ovs-qos.log");
        LoggingSetup.configureDaemon(Optional.of(file), false, FileSize.valueOf("2KB"), Duration.buildByMilliseconds(0));

        String filler = "x".repeat(100);
        for (int i = 0; i < 300; i++) {
            log.info("line={} filler={}", i, filler);
        }

        assertThat(filesIn(dir)).containsExactly("ovs-qos.log", "ovs-qos.log.1", "ovs-qos.log.2", "ovs-qos.log.3");
        assertThat(Files.readString(file)).contains("line=299 ");
        assertThat(Files.size(dir.resolve("ovs-qos.log.1"))).isLessThan(4096);
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aValueCannotForgeALineOrAFieldInTheFileOrTheJournal() throws IOException {
        Path file = dir.resolve("ovs-qos.log");
        LoggingSetup.configureDaemon(Optional.of(file), false);
        String name = "kvm1.0 stage=0->2\n2026-12-03T08:20:36.000Z ERROR [main] Governor: iface=kvm2.0";

        log.info("iface={} event=managed", name);

        assertThat(Files.readAllLines(file)).singleElement().asString()
                .endsWith("iface=\"kvm1.0 stage=0->2\\n2026-12-03T08:20:36.000Z ERROR [main] Governor: iface=kvm2.0\""
                        + " event=managed");
        LoggingSetup.configureDaemon(Optional.empty(), true);
        log.warn("iface={} event=drift", name);
        assertThat(stderr().lines().filter(l -> l.startsWith("<"))).singleElement().asString()
                .startsWith("<4>WARN  [main] LoggingSetupTest: iface=\"kvm1.0 stage=0->2\\n");
    }
}
