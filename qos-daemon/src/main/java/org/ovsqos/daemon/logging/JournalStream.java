package org.ovsqos.daemon.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether stderr is connected to journald. systemd sets {@code JOURNAL_STREAM=DEV:INODE} to the
 * stream it gives the service; the variable is inherited by children whose stderr may go
 * elsewhere, so it counts only when it matches what fd 2 really is.
 */
final class JournalStream {
    private static final Path STDERR = Path.of("/proc/self/fd/2");

    private JournalStream() {}

    static boolean stderrIsJournal(Map<String, String> env) {
        String stream = env.get("JOURNAL_STREAM");
        if (stream == null) {
            return false;
        }
        try {
            Map<String, Object> attributes = Files.readAttributes(STDERR, "unix:dev,ino");
            return matches(stream, ((Number) attributes.get("dev")).longValue(),
                    ((Number) attributes.get("ino")).longValue());
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    static boolean matches(String journalStream, long dev, long ino) {
        int colon = journalStream.indexOf(':');
        if (colon < 0) {
            return false;
        }
        try {
            return Long.parseUnsignedLong(journalStream.substring(0, colon).trim()) == dev
                    && Long.parseUnsignedLong(journalStream.substring(colon + 1).trim()) == ino;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
