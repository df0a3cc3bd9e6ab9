package org.ovsqos.daemon.process;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the directories the daemon's runtime files live in ({@code /run/ovs-qos} unless systemd's
 * {@code RuntimeDirectory=} already made it).
 */
public final class RuntimeDirectories {
    /** rwxr-xr-x: the socket's own mode (0660) is what guards access, the directory only has to be traversable. */
    public static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwxr-xr-x");

    private RuntimeDirectories() {}

    /**
     * Creates the missing directories above {@code file} with mode 0755. Directories that already
     * exist keep their mode: an operator may have chosen a stricter one.
     */
    public static void ensureParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return;
        }
        ensureParent(parent);
        try {
            Files.createDirectory(parent);
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(parent)) {
                throw raced;
            }
            return;
        }
        // Set explicitly: the mode given to mkdir is filtered by the umask.
        Files.setPosixFilePermissions(parent, DIRECTORY_MODE);
    }
}
