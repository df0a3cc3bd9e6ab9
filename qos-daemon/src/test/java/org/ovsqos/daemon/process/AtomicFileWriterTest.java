package org.ovsqos.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AtomicFileWriterTest {
    @TempDir
    Path dir;

    private final AtomicFileWriter writer = new AtomicFileWriter();

    @Test
    void replacesTheContentWithMode0644() throws IOException {
        Path target = dir.resolve("state.json");
        Files.writeString(target, "old");

        writer.write(target, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
        assertThat(filesIn(dir)).containsExactly("state.json");
    }

    @Test
    void createsAMissingDirectory() throws IOException {
        Path target = dir.resolve("run/ovs-qos/state.json");

        writer.write(target, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(target)).isEqualTo("{}");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTempFile() throws IOException {
        Path target = dir.resolve("state.json");
        Files.writeString(target, "old");

        assertThatThrownBy(() -> writer.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(filesIn(dir)).containsExactly("state.json");
    }

    @Test
    void aFailedFirstWriteLeavesNoFileAtAll() {
        Path target = dir.resolve("state.json");

        assertThatThrownBy(() -> writer.write(target, out -> {
            throw new IOException("encoder failed");
        })).isInstanceOf(IOException.class);

        assertThat(target).doesNotExist();
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aConcurrentReaderSeesEitherTheOldOrTheNewContentNeverAMix() throws Exception {
        Path target = dir.resolve("state.json");
        byte[] a = filled('a');
        byte[] b = filled('b');
        writer.write(target, a);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> torn = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (!done.get() && torn.get() == null) {
                try {
                    byte[] seen = Files.readAllBytes(target);
                    reads.incrementAndGet();
                    if (!Arrays.equals(seen, a) && !Arrays.equals(seen, b)) {
                        torn.set("read " + seen.length + " bytes that are neither version");
                    }
                } catch (NoSuchFileException e) {
                    torn.set("the file was missing for a moment");
                } catch (IOException e) {
                    torn.set(e.toString());
                }
            }
        });
        reader.start();
        for (int i = 0; i < 200 && torn.get() == null; i++) {
            writer.write(target, i % 2 == 0 ? b : a);
        }
        done.set(true);
        reader.join();

        assertThat(torn.get()).isNull();
        assertThat(reads.get()).isPositive();
    }

    private static byte[] filled(char c) {
        byte[] bytes = new byte[256 * 1024];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    private static java.util.List<String> filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
