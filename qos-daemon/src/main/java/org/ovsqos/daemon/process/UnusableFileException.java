package org.ovsqos.daemon.process;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

/** An input file the daemon will not read: not a regular file, or larger than its limit. */
public final class UnusableFileException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    UnusableFileException(Path file, String reason) {
        super(file.toString(), null, reason);
    }
}
