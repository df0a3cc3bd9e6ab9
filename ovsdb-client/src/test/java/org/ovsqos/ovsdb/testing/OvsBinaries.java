package org.ovsqos.ovsdb.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finds the Open vSwitch programs, which Debian puts partly in /usr/sbin (off a user's PATH). */
public final class OvsBinaries {

    private static final List<String> SBIN_DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin",
            "/usr/bin", "/sbin", "/bin");

    private OvsBinaries() {
    }

    /** @throws IllegalStateException naming the program and how to install it */
    public static Path find(String program) {
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(SBIN_DIRS);
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(program + " not found on PATH or in " + String.join(", ", SBIN_DIRS)
                + ": Open vSwitch is not installed. Run scripts/test.sh (it installs openvswitch-switch as root on "
                + "Debian/Ubuntu) or install the package by hand.");
    }
}
