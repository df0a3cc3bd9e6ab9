package org.ovsqos.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Input files: regular files within their limit are read; everything else is refused at once. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BoundedFileTest {
    private static final int LIMIT = 1024;

    @TempDir
    Path dir;

    private Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        return fifo;
    }

    @Test
    void readsARegularFileUpToItsLimit() throws IOException {
        Path file = Files.write(dir.resolve("ok.json"), new byte[LIMIT]);

        assertThat(BoundedFile.read(file, LIMIT)).hasSize(LIMIT);
    }

    @Test
    void followsASymlinkToARegularFile() throws IOException {
        Path file = Files.writeString(dir.resolve("real.json"), "{}");
        Path link = Files.createSymbolicLink(dir.resolve("config.json"), file);

        assertThat(BoundedFile.read(link, LIMIT)).asString().isEqualTo("{}");
    }

    @Test
    void refusesAFileOverItsLimitSayingHowLarge() throws IOException {
        Path file = Files.write(dir.resolve("large.json"), new byte[LIMIT + 1]);

        assertThatThrownBy(() -> BoundedFile.read(file, LIMIT))
                .isInstanceOf(UnusableFileException.class)
                .hasMessage(file + ": is 1025 bytes, over the limit of 1024");
    }

    @Test
    void refusesAFifoWithoutWaitingForAWriter() throws Exception {
        Path fifo = fifo("config.json");

        assertThatThrownBy(() -> BoundedFile.read(fifo, LIMIT))
                .isInstanceOf(UnusableFileException.class)
                .hasMessage(fifo + ": is a FIFO, not a regular file");
    }

    @Test
    void refusesASymlinkToAnEndlessDevice() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("config.json"), Path.of("/dev/zero"));

        assertThatThrownBy(() -> BoundedFile.read(link, LIMIT))
                .isInstanceOf(UnusableFileException.class)
                .hasMessage(link + ": is a character device, not a regular file");
    }

    @Test
    void refusesADirectory() {
        assertThatThrownBy(() -> BoundedFile.read(dir, LIMIT))
                .isInstanceOf(UnusableFileException.class)
                .hasMessage(dir + ": is a directory, not a regular file");
    }

    @Test
    void aMissingFileIsNoSuchFile() {
        assertThatThrownBy(() -> BoundedFile.read(dir.resolve("missing.json"), LIMIT))
                .isInstanceOf(NoSuchFileException.class);
    }
}
