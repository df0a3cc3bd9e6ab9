package org.ovsqos.daemon.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** A file of this repository (docs, packaging), found from the module a test runs in. */
public final class RepositoryFile {
    private RepositoryFile() {}

    /** {@code relative} to the repository's root: the first directory up from here that holds it. */
    public static Path of(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new AssertionError(relative + " not found in any directory above " + Path.of("").toAbsolutePath());
    }
}
