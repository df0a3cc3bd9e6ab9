package org.ovsqos.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DaemonLockTest {
    @TempDir
    Path dir;

    private Path lockFile() {
        return dir.resolve("run/daemon.lock");
    }

    @Test
    void holderWritesItsPidIntoTheLockFile() throws IOException {
        try (DaemonLock lock = DaemonLock.acquire(lockFile())) {
            assertThat(Files.readString(lockFile()).trim()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    @Test
    void aSecondChannelIsRefusedWithTheHoldersPid() throws IOException {
        try (DaemonLock first = DaemonLock.acquire(lockFile())) {
            assertThatThrownBy(() -> DaemonLock.acquire(lockFile()))
                    .isInstanceOf(LockHeldException.class)
                    .hasMessage("another ovs-qos daemon holds " + lockFile() + " (pid " + ProcessHandle.current().pid() + ")");
        }
    }

    @Test
    void anotherProcessHoldingTheLockIsNamedAndItsDeathFreesTheLock() throws Exception {
        Process holder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                LockHolderMain.class.getName(), lockFile().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");

            assertThatThrownBy(() -> DaemonLock.acquire(lockFile()))
                    .isInstanceOf(LockHeldException.class)
                    .hasMessage("another ovs-qos daemon holds " + lockFile() + " (pid " + holder.pid() + ")")
                    .satisfies(e -> assertThat(((LockHeldException) e).holderPid()).hasValue(holder.pid()));
        } finally {
            holder.destroyForcibly(); // SIGKILL: no cleanup code runs, the kernel drops the lock
            holder.waitFor(30, TimeUnit.SECONDS);
        }

        try (DaemonLock mine = DaemonLock.acquire(lockFile())) {
            assertThat(Files.readString(lockFile()).trim()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    @Test
    void closingReleasesTheLockAndKeepsTheFile() throws IOException {
        DaemonLock.acquire(lockFile()).close();

        assertThat(lockFile()).exists();
        try (DaemonLock again = DaemonLock.acquire(lockFile())) {
            assertThat(again.file()).isEqualTo(lockFile());
        }
    }

    @Test
    void aLockFileWithoutAPidStillNamesTheHolderAsUnknown() throws IOException {
        try (DaemonLock first = DaemonLock.acquire(lockFile())) {
            Files.writeString(lockFile(), ""); // as if the holder had not written its pid yet

            assertThatThrownBy(() -> DaemonLock.acquire(lockFile()))
                    .hasMessage("another ovs-qos daemon holds " + lockFile() + " (pid unknown)");
        }
    }

    @Test
    void aSymlinkIsRefusedAndWhatItPointsToIsLeftAlone() throws IOException {
        Path precious = Files.writeString(dir.resolve("precious.conf"), "keep me\n");
        Files.createDirectories(lockFile().getParent());
        Files.createSymbolicLink(lockFile(), precious);

        assertThatThrownBy(() -> DaemonLock.acquire(lockFile()))
                .isInstanceOf(UnusableFileException.class)
                .hasMessage(lockFile() + ": is a symbolic link; the lock must be a file of its own");
        assertThat(Files.readString(precious)).isEqualTo("keep me\n");
    }

    @Test
    void aDanglingSymlinkIsRefusedWithoutCreatingItsTarget() throws IOException {
        Path target = dir.resolve("elsewhere.lock");
        Files.createDirectories(lockFile().getParent());
        Files.createSymbolicLink(lockFile(), target);

        assertThatThrownBy(() -> DaemonLock.acquire(lockFile())).isInstanceOf(UnusableFileException.class);
        assertThat(target).doesNotExist();
    }

    @Test
    void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
        Files.createDirectories(lockFile().getParent());
        assertThat(new ProcessBuilder("mkfifo", lockFile().toString()).inheritIO().start().waitFor()).isZero();

        assertThatThrownBy(() -> DaemonLock.acquire(lockFile()))
                .isInstanceOf(UnusableFileException.class)
                .hasMessage(lockFile() + ": is not a regular file");
    }
}
