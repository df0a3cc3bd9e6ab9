package org.ovsqos.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A benchmark's private temp directory (the daemon's files, the notification socket, CDS
 * archives), removed with everything in it when the benchmark ends. Open it first in a
 * try-with-resources, so that it is closed last, after the daemon that writes into it.
 */
final class ScratchDir implements AutoCloseable {
    private final Path path;

    ScratchDir() throws IOException {
        path = Files.createTempDirectory("ovs-qos-bench-");
    }

    Path path() {
        return path;
    }

    Path resolve(String name) {
        return path.resolve(name);
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path, e);
        }
    }
}
