package org.ovsqos.daemon.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the tests run as root, which decides how a test gets a peer that is not. */
final class RealUid {
    private RealUid() {}

    static boolean isRoot() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
