package org.ovsqos.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ovs-qos validate-config FILE} from the real jar: its exit codes 0/1/2 and its problem lines. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class ValidateConfigIT {
    @TempDir
    Path dir;

    private OvsQosJar.Result validate(String content) throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), content);
        return OvsQosJar.run(dir, "validate-config", file.toString());
    }

    @Test
    void aCleanFileExitsZero() throws IOException {
        OvsQosJar.Result result = validate(QosConfigFile.compressed().withExcludes("^kvm9\\.").json());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdoutLines()).as(result.toString()).containsExactly(dir.resolve("config.json") + ": OK");
    }

    @Test
    void aFileUsableOnlyWithFallbacksExitsOneNamingEachKey() throws IOException {
        OvsQosJar.Result result = validate("""
                {"base_rate_mbit": -5, "sample_interval_sec": "60", "stage1_trigger_secs": 900,
                 "iface_name_regexes": ["^kvm[0-9]+\\\\.", "("]}
                """);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdoutLines()).as(result.toString())
                .anyMatch(l -> l.contains("base_rate_mbit") && l.contains("-5"))
                .anyMatch(l -> l.contains("sample_interval_sec"))
                .anyMatch(l -> l.contains("stage1_trigger_secs"))
                .anyMatch(l -> l.contains("iface_name_regexes[1]"));
    }

    @Test
    void aTierNoGuestCanReachExitsOneNamingItsTrigger() throws IOException {
        // The old script's README: a stage-2 trigger that cannot finish inside the stage-1 penalty.
        OvsQosJar.Result result = validate("""
                {"stage1_penalty_seconds": 1800, "stage2_trigger_seconds": 1800}
                """);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdoutLines()).as(result.toString()).anyMatch(l -> l.contains("stage2_trigger_seconds")
                && l.contains("tier 2 is never reached") && l.contains("at most 1740 s"));
    }

    @Test
    void anUnusableFileExitsTwo() throws IOException {
        for (String content : new String[] {"{\"iface_name_regexes\": [\"(\"]}", "[1, 2]", "{\"base_rate_mbit\": ",
                ""}) {
            OvsQosJar.Result result = validate(content);

            assertThat(result.exitCode()).as(content + " -> " + result).isEqualTo(2);
            assertThat(result.stdout() + result.stderr()).as(content).contains("config.json");
        }
    }

    @Test
    void aNamedFileThatDoesNotExistIsUnusable() {
        OvsQosJar.Result result = OvsQosJar.run(dir, "validate-config", dir.resolve("missing.json").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("missing.json");
    }

    @Test
    void aFileOverTheLimitIsUnusableWithOneLineWithinTheInstalledHeap() throws IOException {
        Path file = InputFiles.unknownKeys(dir.resolve("config.json"), 10 << 20);

        OvsQosJar.Result result = OvsQosJar.runWithJvmOptions(dir, InputFiles.CLIENT_AS_INSTALLED,
                List.of("validate-config", file.toString()));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderrLines()).containsExactly("ovs-qos: cannot read " + file + ": is " + Files.size(file)
                + " bytes, over the limit of 262144");
    }

    @Test
    void aFifoIsUnusableAtOnce() {
        Path fifo = InputFiles.fifo(dir.resolve("config.json"));

        OvsQosJar.Result result = OvsQosJar.run(dir, "validate-config", fifo.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderrLines()).containsExactly("ovs-qos: cannot read " + fifo + ": is a FIFO, not a regular file");
    }
}
