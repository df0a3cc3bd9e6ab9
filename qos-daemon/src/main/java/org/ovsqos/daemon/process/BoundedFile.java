package org.ovsqos.daemon.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a whole input file (the config, the state) that must be a regular file of bounded size.
 * Anything else (a FIFO, a device, {@code /dev/zero} behind a symlink, a file of gigabytes) is
 * refused with an {@link UnusableFileException} saying why, instead of hanging the caller or
 * exhausting its heap. Symlinks are followed: a config linked from elsewhere is ordinary.
 *
 * <p>The type is checked on the path before the file is opened, because opening a FIFO blocks
 * until something writes to it. That leaves a window: a FIFO put in place between the check and
 * the open still blocks the open. Closing it needs {@code O_NONBLOCK} and {@code fstat}, which
 * the JDK cannot do and a native library could only at the cost of loading it on every start and
 * every {@code validate-config} (jnr-posix took ~0.4 s). Only someone who can write the file's directory ({@code /opt/ovs-qos},
 * {@code /run/ovs-qos}: root) can do that, and root can stop the daemon anyway; nobody does it by
 * accident within microseconds of a read. Everything after the open is safe either way: at most
 * {@code maxBytes + 1} bytes are read, so a device or a file that grew is refused by its size.
 */
public final class BoundedFile {
    private static final int S_IFMT = 0170000;

    private BoundedFile() {}

    /**
     * The file's bytes.
     *
     * @throws NoSuchFileException when there is nothing at {@code path}
     * @throws UnusableFileException when it is not a regular file or holds more than {@code maxBytes}
     * @throws IOException when it cannot be read
     */
    public static byte[] read(Path path, int maxBytes) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new UnusableFileException(path, "is " + kind(path, attributes) + ", not a regular file");
        }
        if (attributes.size() > maxBytes) {
            throw new UnusableFileException(path, "is " + attributes.size() + " bytes, over the limit of " + maxBytes);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            // It grew since it was looked at, or is not what it was.
            throw new UnusableFileException(path, "is over the limit of " + maxBytes + " bytes");
        }
        return bytes;
    }

    /** What the file is, as {@code ls -l}'s first letter would say. */
    private static String kind(Path path, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode") & S_IFMT;
            return switch (type) {
                case 0010000 -> "a FIFO";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }
}
