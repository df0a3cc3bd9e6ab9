package org.ovsqos.daemon.process;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces a file so that a reader, or the next start after a crash or power loss, sees either
 * the whole old content or the whole new content, never a mix or an empty file.
 *
 * <p>The recipe: write a temp file in the target's own directory (rename is atomic only within
 * one file system), fsync it (otherwise the rename can reach the disk before the data), rename it
 * over the target, then fsync the directory (otherwise the rename itself can be lost).
 */
public final class AtomicFileWriter {
    /** rw-r--r--: the state file holds nothing secret and operators read it when filing bugs. */
    public static final Set<PosixFilePermission> DEFAULT_MODE = PosixFilePermissions.fromString("rw-r--r--");

    /** Writes the new content; the stream is buffered and closed by the writer. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final String TEMP_SUFFIX = ".tmp";

    private final Set<PosixFilePermission> mode;

    public AtomicFileWriter() {
        this(DEFAULT_MODE);
    }

    public AtomicFileWriter(Set<PosixFilePermission> mode) {
        this.mode = Set.copyOf(Objects.requireNonNull(mode, "mode"));
    }

    public void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    /**
     * Writes {@code content} to {@code target} atomically. When anything fails the target is left
     * as it was and the temp file is removed.
     */
    public void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        RuntimeDirectories.ensureParent(absolute);
        Path temp = Files.createTempFile(dir, tempPrefix(absolute), TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            // createTempFile makes 0600; set the final mode before the file becomes visible.
            Files.setPosixFilePermissions(temp, mode);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        fsyncDirectory(dir);
    }

    /**
     * Removes the temp files a process killed mid-write (SIGKILL, power loss) left beside
     * {@code target}. Only for a caller that alone writes {@code target} (the daemon holds its
     * lock), or it could remove another writer's file in the middle of its write.
     *
     * @return the files removed
     */
    public static List<Path> removeLeftovers(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        String prefix = tempPrefix(absolute);
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(absolute.getParent())) {
            return removed;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(absolute.getParent(),
                p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(TEMP_SUFFIX)
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))) {
            for (Path leftover : leftovers) {
                if (Files.deleteIfExists(leftover)) {
                    removed.add(leftover);
                }
            }
        }
        return removed;
    }

    /** {@code .state.json.}: hidden, and named after the file it is about to replace. */
    private static String tempPrefix(Path absoluteTarget) {
        return "." + absoluteTarget.getFileName() + ".";
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        // Linux lets a directory be opened read-only and fsynced; that is what persists the rename.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
