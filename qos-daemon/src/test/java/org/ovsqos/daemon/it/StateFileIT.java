package org.ovsqos.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The state file when it cannot be written, and after a daemon was killed in the middle of
 * writing it.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StateFileIT extends DaemonOnOvsHost {
    /** {@code ovs-qos daemon}: stopped as asked, but the last save of the state failed. */
    private static final int STATE_NOT_SAVED = 5;

    @Test
    void anImmutableStateFileIsLoggedOnceShownInStatusAndFailsTheStop() throws Exception {
        bridge = host.bridge("br-immutable");
        bridge.addPort("kvm330.0");
        daemon = daemon(QosConfigFile.compressed()).startReady();
        // Light traffic, far under every threshold: the state changes at every tick all the same.
        host.traffic().play("kvm330.0", 5);
        Path state = daemon.files().state();
        await("a first save").atMost(Bridge.PROMPTLY).pollInterval(Bridge.POLL)
                .until(() -> daemon.status().at("/state_file/last_saved").isNumber());
        long lastSaved = daemon.status().at("/state_file/last_saved").asLong();

        // Even root cannot replace an immutable file: every save fails, with a random temp name.
        chattr("+i", state);
        try {
            long from = daemon.status().path("last_tick").asLong();
            await("five ticks").atMost(Bridge.PROMPTLY).pollInterval(Bridge.POLL)
                    .until(() -> daemon.status().path("last_tick").asLong() >= from + 5);

            assertThat(daemon.logLines("ERROR .*state path=")).hasSize(1);
            JsonNode status = daemon.status().get("state_file");
            assertThat(status.get("path").asText()).isEqualTo(state.toString());
            assertThat(status.get("error").asText()).isEqualTo("Operation not permitted");
            assertThat(status.get("last_saved").asLong()).isGreaterThanOrEqualTo(lastSaved);
            OvsQosJar.Result text = daemon.cli("status");
            assertThat(text.stdout()).contains("State file: " + state + "; SAVE FAILING: Operation not permitted; "
                    + "last saved ");

            assertThat(daemon.terminate()).isEqualTo(STATE_NOT_SAVED);
            assertThat(daemon.logLines("ERROR .*daemon action=stopped state_saved=false")).hasSize(1);
        } finally {
            host.traffic().idle("kvm330.0");
            chattr("-i", state);
        }
    }

    @Test
    void aTempFileLeftByADaemonKilledMidWriteIsRemovedAtStart() throws IOException {
        Path leftover = Files.writeString(dir.resolve(".state.json.8812345.tmp"), "{\"version\": 1, \"interf");

        daemon = daemon(QosConfigFile.compressed()).startReady();

        assertThat(leftover).doesNotExist();
        assertThat(daemon.logLines("state path=.* leftover=.state.json.8812345.tmp action=removed")).hasSize(1);
    }

    private static void chattr(String flag, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("chattr " + flag + " " + file + ": " + output).isZero();
    }
}
