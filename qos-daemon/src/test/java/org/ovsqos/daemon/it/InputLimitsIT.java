package org.ovsqos.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ovsqos.daemon.it.InputFiles.DAEMON_AS_INSTALLED;
import static org.ovsqos.daemon.it.Tiers.BASE;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ovsqos.daemon.common.ExitCodes;

/**
 * Inputs no daemon should choke on, given to the real jar with the heap it has when installed:
 * configs and state files far over their limits, FIFOs and devices where files belong, a symlink
 * as the lock. Each is refused, or set aside, with one line saying why; none crashes the daemon.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class InputLimitsIT extends DaemonOnOvsHost {
    private static final long MB = 1 << 20;

    private OvsQosJar.Result startOnce() {
        return OvsQosJar.runWithJvmOptions(dir, DAEMON_AS_INSTALLED, DaemonProcess.in(dir, host.db()).args());
    }

    private List<String> linesAbout(OvsQosJar.Result result, Path file) {
        return result.stderrLines().stream().filter(l -> l.contains(file.toString())).toList();
    }

    @Test
    void startRefusesAConfigOverItsLimitWithOneLine() {
        Path config = InputFiles.unknownKeys(dir.resolve("config.json"), 50 * MB);

        OvsQosJar.Result result = startOnce();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.CONFIG_UNUSABLE);
        assertThat(result.stderrLines()).as(result.toString())
                .filteredOn(l -> l.contains(config.toString()) && l.contains("unusable")).singleElement().asString()
                .contains("bytes, over the limit of 262144");
        assertThat(dir.resolve("admin.sock")).doesNotExist();
    }

    @Test
    void startRefusesAFifoOrADeviceAsConfigAtOnce() throws IOException {
        Path config = InputFiles.fifo(dir.resolve("config.json"));

        OvsQosJar.Result fromFifo = startOnce();

        assertThat(fromFifo.exitCode()).as(fromFifo.toString()).isEqualTo(ExitCodes.CONFIG_UNUSABLE);
        assertThat(linesAbout(fromFifo, config)).anyMatch(l -> l.contains("is a FIFO, not a regular file"));

        Files.delete(config);
        Files.createSymbolicLink(config, Path.of("/dev/zero"));
        OvsQosJar.Result fromDevice = startOnce();

        assertThat(fromDevice.exitCode()).as(fromDevice.toString()).isEqualTo(ExitCodes.CONFIG_UNUSABLE);
        assertThat(linesAbout(fromDevice, config)).anyMatch(l -> l.contains("is a character device"));
    }

    @Test
    void reloadOfAConfigOverItsLimitKeepsTheDaemonAndItsRunningConfig() {
        bridge = host.bridge("br-limits");
        bridge.addPort("kvm401.0");
        daemon = daemon(QosConfigFile.compressed()).jvmOptions(DAEMON_AS_INSTALLED).startReady();
        bridge.awaitPolicing("kvm401.0", BASE);

        InputFiles.unknownKeys(daemon.files().config(), 20 * MB);
        OvsQosJar.Result refused = daemon.cli("reload");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.stderr()).contains("over the limit of 262144");
        assertThat(daemon.isAlive()).isTrue();
        // One verdict, after the problem that earned it.
        assertThat(daemon.logLines("config path=.* reloaded=false verdict=\"unusable\"")).hasSize(1);
        assertThat(daemon.logLines("config path=.* reloaded=false problem=.*over the limit of 262144")).hasSize(1);
        // Still running, on the old config: a good file is taken, and applied.
        QosConfigFile.compressed().withBaseMbit(50).writeTo(daemon.files().config());
        OvsQosJar.Result reloaded = daemon.cli("reload");
        assertThat(reloaded.exitCode()).as(reloaded.toString()).isZero();
        bridge.awaitPolicing("kvm401.0", Policing.of(50_000, 5_000));
    }

    @Test
    void aStateFileOverItsLimitIsSetAsideAndTheDaemonStartsWithoutIt() throws IOException {
        InputFiles.sparse(dir.resolve("state.json"), 100 * MB);

        daemon = daemon(QosConfigFile.compressed()).jvmOptions(DAEMON_AS_INSTALLED).startReady();

        assertThat(daemon.logLines("ERROR .*state path=.* records=0 error=\"is 104857600 bytes, over the limit of "
                + "8388608\" set_aside=.*state.json.unusable-")).hasSize(1);
        assertThat(setAside()).singleElement().satisfies(p -> assertThat(Files.size(p)).isEqualTo(100 * MB));
        await("a fresh state file").atMost(Bridge.PROMPTLY).ignoreExceptions().until(() ->
                new ObjectMapper().readTree(daemon.files().state().toFile()).path("version").asInt() == 1);
    }

    @Test
    void aFifoAsStateIsSetAsideAndTheDaemonStarts() throws IOException {
        InputFiles.fifo(dir.resolve("state.json"));

        daemon = daemon(QosConfigFile.compressed()).jvmOptions(DAEMON_AS_INSTALLED).startReady();

        assertThat(daemon.logLines("ERROR .*state path=.* error=\"is a FIFO, not a regular file\"")).hasSize(1);
        assertThat(setAside()).singleElement().satisfies(p -> assertThat(Files.isRegularFile(p)).isFalse());
    }

    @Test
    void theWorstStateFileWithinTheLimitFitsTheInstalledHeap() throws IOException {
        // Hundreds of thousands of tiny records of the old format, each dropped with a problem.
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; json.length() < 8 * MB - 20; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(Integer.toString(i, 36)).append("\":{}");
        }
        Files.writeString(dir.resolve("state.json"), json.append('}'));

        daemon = daemon(QosConfigFile.compressed()).jvmOptions(DAEMON_AS_INSTALLED).startReady();

        assertThat(daemon.awaitLog("state path=.* records=0 dropped=")).contains("dropped=51");
        assertThat(daemon.logLines("problem=\"and .* more problem\\(s\\), not listed\"")).hasSize(1);
    }

    @Test
    void aSymlinkAsTheLockIsRefusedAndItsTargetLeftAlone() throws IOException {
        QosConfigFile.compressed().writeTo(dir.resolve("config.json"));
        Path precious = Files.writeString(dir.resolve("precious.conf"), "keep me\n");
        Files.createSymbolicLink(dir.resolve("daemon.lock"), precious);

        OvsQosJar.Result result = startOnce();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderrLines()).as(result.toString()).containsExactly("ovs-qos: cannot open the lock file "
                + dir.resolve("daemon.lock") + ": is a symbolic link; the lock must be a file of its own");
        assertThat(Files.readString(precious)).isEqualTo("keep me\n");
        assertThat(dir.resolve("ovs-qos.log")).doesNotExist();
    }

    private List<Path> setAside() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("state.json.unusable-")).toList();
        }
    }
}
