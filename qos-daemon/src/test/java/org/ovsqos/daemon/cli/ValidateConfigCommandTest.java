package org.ovsqos.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ovsqos.core.config.ConfigParser;
import org.ovsqos.daemon.common.DaemonException;
import org.ovsqos.daemon.common.ExitCodes;
import org.ovsqos.daemon.config.ConfigFile;
import org.ovsqos.daemon.config.ConfigReport.Verdict;
import org.ovsqos.daemon.config.ConfigReport;
import org.ovsqos.daemon.config.ConfigValidator;

class ValidateConfigCommandTest {
    @TempDir
    Path dir;

    private CliRun validate(ConfigValidator validator, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "validate-config";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run((options, runtime) -> 0, validator, all);
    }

    private Path config(String json) throws IOException {
        return Files.writeString(dir.resolve("config.json"), json);
    }

    @Test
    void aCleanFileExitsZero() throws IOException {
        Path file = config("{}");
        AtomicReference<String> seen = new AtomicReference<>();

        CliRun result = validate(source -> {
            seen.set(source.toString());
            return new ConfigReport(Verdict.CLEAN, List.of());
        }, file.toString());

        assertThat(seen.get()).isEqualTo(file.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG_CLEAN);
        assertThat(result.out()).isEqualTo(file + ": OK\n");
    }

    @Test
    void fallbacksExitOneAndPrintEachProblemWithItsKey() throws IOException {
        Path file = config("{\"sample_interval_sec\": -1, \"stage1_triger_seconds\": 900}");

        CliRun result = validate(source -> new ConfigReport(Verdict.FALLBACKS, List.of(
                "sample_interval_sec: -1 is not a positive number; using the default 60",
                "stage1_triger_seconds: unknown key (a typo?)")), file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG_FALLBACKS);
        assertThat(result.out()).isEqualTo(
                file + ": sample_interval_sec: -1 is not a positive number; using the default 60\n"
              + file + ": stage1_triger_seconds: unknown key (a typo?)\n"
              + file + ": usable; defaults used where noted above\n");
    }

    @Test
    void anUnusableFileExitsTwo() throws IOException {
        Path file = config("[]");

        CliRun result = validate(source -> new ConfigReport(Verdict.UNUSABLE,
                List.of("the file is not a JSON object")), file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG_UNUSABLE);
        assertThat(result.out()).endsWith(file + ": unusable; the daemon would refuse to start with it\n");
    }

    @Test
    void aNamedFileThatDoesNotExistIsUnusable() {
        Path missing = dir.resolve("nope.json");

        CliRun result = validate(source -> {
            throw new NoSuchFileException(source.toString());
        }, missing.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG_UNUSABLE);
        assertThat(result.err()).isEqualTo("ovs-qos: " + missing + ": no such file\n");
    }

    @Test
    void aValidatorThatCannotJudgeMakesItUnusableWithItsReason() throws IOException {
        Path file = config("{}");

        CliRun result = validate(source -> {
            throw new DaemonException("cannot validate " + source + ": the config parser is not wired into this build yet");
        }, file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG_UNUSABLE);
        assertThat(result.err()).isEqualTo("ovs-qos: cannot validate " + file
                + ": the config parser is not wired into this build yet\n");
    }

    @Test
    void aFileTheDaemonWouldNotReadIsUnusableWithTheReason() throws Exception {
        Path fifo = dir.resolve("config.fifo");
        new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
        Path large = Files.write(dir.resolve("large.json"), new byte[ConfigParser.MAX_FILE_BYTES + 1]);

        CliRun fromFifo = CliRun.run((options, runtime) -> 0, ConfigFile.validator(),
                "validate-config", fifo.toString());
        CliRun fromLarge = CliRun.run((options, runtime) -> 0, ConfigFile.validator(),
                "validate-config", large.toString());

        assertThat(fromFifo.exitCode()).isEqualTo(ExitCodes.CONFIG_UNUSABLE);
        assertThat(fromFifo.err()).isEqualTo("ovs-qos: cannot read " + fifo + ": is a FIFO, not a regular file\n");
        assertThat(fromLarge.exitCode()).isEqualTo(ExitCodes.CONFIG_UNUSABLE);
        assertThat(fromLarge.err()).isEqualTo("ovs-qos: cannot read " + large + ": is "
                + (ConfigParser.MAX_FILE_BYTES + 1) + " bytes, over the limit of " + ConfigParser.MAX_FILE_BYTES + "\n");
    }
}
