package org.ovsqos.daemon.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * The single-instance lock ({@code --lock}, default {@code /run/ovs-qos/daemon.lock}).
 *
 * <p>A POSIX record lock ({@link FileChannel#tryLock()}, fcntl on Linux) held for the life of
 * the process: the kernel releases it when the process dies, however it dies, so a crash never
 * leaves a lock behind and the file itself is never deleted (deleting it would let a second
 * daemon lock a fresh inode while the first still holds the old one). The holder's pid is
 * written into the file so that a refused start can name it.
 */
public final class DaemonLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DaemonLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock without waiting.
     *
     * @throws LockHeldException when another process (or another channel of this one) holds it
     * @throws UnusableFileException when the path is a symlink or anything but a regular file
     * @throws IOException when the file cannot be created or opened
     */
    public static DaemonLock acquire(Path file) throws IOException {
        RuntimeDirectories.ensureParent(file);
        FileChannel channel = open(file);
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                OptionalLong holder = readPid(channel);
                channel.close();
                throw new LockHeldException(file, holder);
            }
            writePid(channel, ProcessHandle.current().pid());
            return new DaemonLock(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel.isOpen()) {
                channel.close();
            }
            throw e;
        }
    }

    /**
     * Opens the file without following a symlink ({@code O_NOFOLLOW}): the pid is written into
     * what is opened, and through a link that could be any file root can write. Only a regular
     * file will do: {@code O_RDWR} opens a FIFO or a device without blocking, and writing a pid
     * into one is no lock.
     */
    private static FileChannel open(Path file) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            // ELOOP comes as a bare IOException ("Too many levels of symbolic links").
            if (Files.isSymbolicLink(file)) {
                throw new UnusableFileException(file, "is a symbolic link; the lock must be a file of its own");
            }
            throw e;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            channel.close();
            throw new UnusableFileException(file, "is not a regular file");
        }
        return channel;
    }

    public Path file() {
        return file;
    }

    /** Releases the lock; the file stays (see the class comment). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    private static void writePid(FileChannel channel, long pid) throws IOException {
        byte[] text = (pid + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text), 0);
        channel.force(false);
    }

    // The holder may be between locking and writing its pid: an empty or partial file is "unknown".
    private static OptionalLong readPid(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        try {
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
