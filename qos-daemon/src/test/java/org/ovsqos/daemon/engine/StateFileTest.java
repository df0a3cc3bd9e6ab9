package org.ovsqos.daemon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ovsqos.core.policy.InterfaceState;
import org.ovsqos.core.policy.StateRecord;
import org.ovsqos.core.state.StateCodec;
import org.ovsqos.daemon.metrics.DaemonMetrics;

/** Reading the state file: what cannot be read whole is set aside, never overwritten. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StateFileTest {
    private static final Instant NOW = Instant.parse("2026-12-03T08:20:36Z");
    private static final String ASIDE = "state.json.unusable-20261203T082036Z";

    private StateFile stateFile() {
        return new StateFile(state(), new DaemonMetrics());
    }

    @TempDir
    Path dir;

    private Path state() {
        return dir.resolve("state.json");
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFileOverTheLimitIsSetAsideWholeAndTheDaemonStartsWithoutState() throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(state().toFile(), "rw")) {
            file.setLength(100L << 20); // sparse: 100 MB that cost no disk
        }

        List<StateRecord> records = stateFile().load(NOW);

        assertThat(records).isEmpty();
        assertThat(files()).containsExactly(ASIDE);
        assertThat(Files.size(dir.resolve(ASIDE))).isEqualTo(100L << 20);
    }

    @Test
    void aFifoIsSetAsideWithoutWaitingForAWriter() throws Exception {
        assertThat(new ProcessBuilder("mkfifo", state().toString()).inheritIO().start().waitFor()).isZero();

        assertThat(stateFile().load(NOW)).isEmpty();

        assertThat(files()).containsExactly(ASIDE);
    }

    @Test
    void aSymlinkToADeviceIsSetAsideAsALinkLeavingTheDeviceAlone() throws IOException {
        Files.createSymbolicLink(state(), Path.of("/dev/zero"));

        assertThat(stateFile().load(NOW)).isEmpty();

        assertThat(Files.readSymbolicLink(dir.resolve(ASIDE))).isEqualTo(Path.of("/dev/zero"));
    }

    @Test
    void aFileWithMoreRecordsThanTheLimitKeepsTheFirstAndIsSetAsideWithTheRest() throws IOException {
        StringBuilder json = new StringBuilder("{\"version\": 1, \"interfaces\": {");
        for (int i = 0; i <= StateCodec.MAX_RECORDS; i++) {
            json.append(i == 0 ? "" : ",").append("\"kvm").append(i)
                    .append(".0\": {\"stage\": 1, \"penalty_until\": \"2026-12-03T09:00:00Z\"}");
        }
        byte[] bytes = json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
        Files.write(state(), bytes);

        List<StateRecord> records = stateFile().load(NOW);

        assertThat(records).hasSize(StateCodec.MAX_RECORDS).first().isEqualTo(new StateRecord("kvm0.0",
                new InterfaceState(1, Optional.of(Instant.parse("2026-12-03T09:00:00Z")), Optional.empty(),
                        Optional.empty(), 0.0), OptionalLong.empty()));
        assertThat(files()).containsExactly(ASIDE);
        assertThat(Files.readAllBytes(dir.resolve(ASIDE))).isEqualTo(bytes);
    }

    @Test
    void aDamagedFileIsReadAsFarAsItGoesAndStaysWhereItIs() throws IOException {
        Files.writeString(state(), "{\"version\": 1, \"interfaces\": {\"kvm1.0\": {\"stage\": 0}, \"kvm2");

        assertThat(stateFile().load(NOW)).extracting(StateRecord::iface).containsExactly("kvm1.0");

        assertThat(files()).containsExactly("state.json");
    }
}
