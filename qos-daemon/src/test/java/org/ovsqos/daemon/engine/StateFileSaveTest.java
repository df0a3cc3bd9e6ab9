package org.ovsqos.daemon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ovsqos.core.policy.InterfaceState;
import org.ovsqos.core.policy.StateRecord;
import org.ovsqos.daemon.admin.StateFileStatus;
import org.ovsqos.daemon.metrics.DaemonMetrics;
import org.ovsqos.daemon.metrics.MetricsScrape;

/** Saving the state file: what the daemon tells when it cannot, and what it cleans up after a crash. */
class StateFileSaveTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private final DaemonMetrics metrics = new DaemonMetrics();

    private double saves(String result) {
        return MetricsScrape.of(metrics).value("ovsqos_state_saves_total", "result", result).orElseThrow();
    }

    /** A different content each call, as every tick's state differs. */
    private static List<StateRecord> records(int tick) {
        return List.of(new StateRecord("kvm101.0", InterfaceState.initial().withPenalty(1, T0.plusSeconds(600 + tick)),
                OptionalLong.of(100_000)));
    }

    @Test
    void aSaveThatKeepsFailingIsLoggedOnceNotOncePerTick() throws IOException {
        // Root ignores permissions; a directory where the file should be fails the rename onto
        // it, whose message names the random temp file, as a read-only or immutable one does.
        Path state = dir.resolve("state.json");
        Files.createDirectories(state.resolve("in-the-way"));
        StateFile file = new StateFile(state, metrics);

        try (LogCapture log = LogCapture.of(StateFile.class)) {
            for (int tick = 0; tick < 5; tick++) {
                assertThat(file.save(records(tick), T0.plusSeconds(tick))).isFalse();
            }

            assertThat(log.lines(Level.ERROR)).hasSize(1);
            assertThat(log.lines(Level.ERROR).get(0)).startsWith("state path=" + state + " saved=false error=\"Is a directory\"");
        }
        assertThat(file.status()).isEqualTo(new StateFileStatus(state.toString(), Optional.empty(),
                Optional.of("Is a directory")));
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(state);
        }
        assertThat(saves("failure")).as("every failed attempt is counted, though logged once").isEqualTo(5);
        assertThat(saves("success")).isZero();
    }

    @Test
    void statusShowsTheLastSaveAndTheCurrentErrorUntilASaveSucceeds() throws IOException {
        Path state = dir.resolve("state.json");
        StateFile file = new StateFile(state, metrics);
        assertThat(file.save(records(0), T0)).isTrue();
        assertThat(file.status().lastSaved()).contains(T0);
        assertThat(file.status().error()).isEmpty();

        Files.delete(state);
        Files.createDirectories(state.resolve("in-the-way"));
        assertThat(file.save(records(1), T0.plusSeconds(60))).isFalse();
        assertThat(file.status().lastSaved()).contains(T0);
        assertThat(file.status().error()).contains("Is a directory");

        Files.delete(state.resolve("in-the-way"));
        Files.delete(state);
        try (LogCapture log = LogCapture.of(StateFile.class)) {
            assertThat(file.save(records(2), T0.plusSeconds(120))).isTrue();
            assertThat(log.lines()).containsExactly("state path=" + state + " saved=true recovered=true");
        }
        assertThat(file.status().lastSaved()).contains(T0.plusSeconds(120));
        assertThat(file.status().error()).isEmpty();
        assertThat(saves("success")).isEqualTo(2);
        assertThat(saves("failure")).isEqualTo(1);
    }

    @Test
    void anUnchangedStateIsNotRewritten() {
        Path state = dir.resolve("state.json");
        StateFile file = new StateFile(state, metrics);
        file.save(records(0), T0);

        assertThat(file.save(records(0), T0.plusSeconds(60))).isTrue();

        assertThat(file.status().lastSaved()).contains(T0);
        assertThat(saves("success")).as("a save that writes nothing is not counted").isEqualTo(1);
    }

    @Test
    void removesTheTempFilesAnInterruptedSaveLeftAndNothingElse() throws IOException {
        Path state = dir.resolve("state.json");
        Files.writeString(state, "{}");
        Path leftover = Files.writeString(dir.resolve(".state.json.4711925.tmp"), "{\"vers");
        Path otherFiles = Files.writeString(dir.resolve(".config.json.12.tmp"), "x");
        Path similar = Files.writeString(dir.resolve("state.json.tmp"), "x");

        new StateFile(state, metrics).removeLeftovers();

        assertThat(leftover).doesNotExist();
        assertThat(state).exists();
        assertThat(otherFiles).exists();
        assertThat(similar).exists();
    }
}
