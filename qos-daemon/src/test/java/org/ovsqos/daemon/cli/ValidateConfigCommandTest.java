package org.ovsqos.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ovsqos.daemon.cli.ConfigReport.Verdict;
import org.ovsqos.daemon.common.DaemonException;

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

        CliRun result = validate((source, content) -> {
            seen.set(source + " " + new String(content, StandardCharsets.UTF_8));
            return new ConfigReport(Verdict.CLEAN, List.of());
        }, file.toString());

        assertThat(seen.get()).isEqualTo(file + " {}");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG_CLEAN);
        assertThat(result.out()).isEqualTo(file + ": OK\n");
    }

    @Test
    void fallbacksExitOneAndPrintEachProblemWithItsKey() throws IOException {
        Path file = config("{\"sample_interval_sec\": -1, \"stage1_triger_seconds\": 900}");

        CliRun result = validate((source, content) -> new ConfigReport(Verdict.FALLBACKS, List.of(
                "sample_interval_sec: -1 is not a positive number; using the default 60",
                "stage1_triger_seconds: unknown key (a typo?)")), file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG_FALLBACKS);
        assertThat(result.out()).isEqualTo(
                file + ": sample_interval_sec: -1 is not a positive number; using the default 60\n"
              + file + ": stage1_triger_seconds: unknown key (a typo?)\n"
              + file + ": usable; 2 problem(s), defaults used where noted\n");
    }

    @Test
    void anUnusableFileExitsTwo() throws IOException {
        Path file = config("[]");

        CliRun result = validate((source, content) -> new ConfigReport(Verdict.UNUSABLE,
                List.of("the file is not a JSON object")), file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG_UNUSABLE);
        assertThat(result.out()).endsWith(file + ": unusable; the daemon would refuse to start with it\n");
    }

    @Test
    void aNamedFileThatDoesNotExistIsUnusable() {
        Path missing = dir.resolve("nope.json");

        CliRun result = validate((source, content) -> {
            throw new AssertionError("nothing to validate");
        }, missing.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG_UNUSABLE);
        assertThat(result.err()).isEqualTo("ovs-qos: " + missing + ": no such file\n");
    }

    @Test
    void aValidatorThatCannotJudgeMakesItUnusableWithItsReason() throws IOException {
        Path file = config("{}");

        CliRun result = validate((source, content) -> {
            throw new DaemonException("cannot validate " + source + ": the config parser is not wired into this build yet");
        }, file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG_UNUSABLE);
        assertThat(result.err()).isEqualTo("ovs-qos: cannot validate " + file
                + ": the config parser is not wired into this build yet\n");
    }
}
