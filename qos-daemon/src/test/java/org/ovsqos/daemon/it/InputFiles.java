package org.ovsqos.daemon.it;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Input files no daemon should choke on: huge configs and state files, FIFOs. */
final class InputFiles {
    /**
     * The out-of-memory handling {@code packaging/ovs-qos} gives {@code ovs-qos daemon}, with half
     * its heap ceiling (128 MB, room for 10,000 guests): the input limits are fitted to 64 MB.
     */
    static final List<String> DAEMON_AS_INSTALLED = List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError");
    /** The heap {@code packaging/ovs-qos} gives the other commands ({@code validate-config}). */
    static final List<String> CLIENT_AS_INSTALLED = List.of("-Xmx32m");

    private InputFiles() {}

    /**
     * A config of about {@code bytes} bytes: valid JSON, every key unknown ({@code "unknown_key_0": 0, ...}),
     * as a generator gone wrong would write it.
     */
    static Path unknownKeys(Path file, long bytes) {
        try (BufferedWriter out = Files.newBufferedWriter(file, US_ASCII)) {
            out.write("{\"iface_name_regexes\": [\"^kvm[0-9]+\\\\.\"]");
            long written = 40;
            for (int i = 0; written < bytes - 30; i++) {
                String entry = ", \"unknown_key_" + i + "\": 0";
                out.write(entry);
                written += entry.length();
            }
            out.write("}");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of {@code bytes} zero bytes that takes no disk. */
    static Path sparse(Path file, long bytes) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path fifo(Path file) {
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
            if (mkfifo.waitFor() != 0) {
                throw new IllegalStateException("mkfifo " + file + " failed");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
