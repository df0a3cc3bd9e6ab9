package org.ovsqos.daemon.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.ovsqos.core.policy.StateRecord;
import org.ovsqos.core.state.DecodedState;
import org.ovsqos.core.state.StateCodec;
import org.ovsqos.daemon.process.AtomicFileWriter;
import org.ovsqos.daemon.process.BoundedFile;
import org.ovsqos.daemon.process.UnusableFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state file: every interface's tier, penalty end and timers, so a restart (or a crash)
 * loses no penalty. Read record by record (a damaged record is dropped with a reason, the rest
 * kept); written atomically, and only when its content changed.
 */
final class StateFile {
    private static final Logger log = LoggerFactory.getLogger(StateFile.class);
    private static final DateTimeFormatter SET_ASIDE_STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path path;
    private final AtomicFileWriter writer = new AtomicFileWriter();
    private byte[] lastWritten = new byte[0];
    private String lastFailure;

    StateFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /**
     * The records of the file; none when it does not exist or cannot be read, saying why. A file
     * the limits keep from being read whole (not a regular file, over
     * {@link StateCodec#MAX_FILE_BYTES}, more than {@link StateCodec#MAX_RECORDS} records) is set
     * aside beside itself before anything can replace it, so that nothing in it is lost.
     */
    List<StateRecord> load(Instant now) {
        byte[] bytes;
        try {
            bytes = BoundedFile.read(path, StateCodec.MAX_FILE_BYTES);
        } catch (NoSuchFileException e) {
            log.info("state path={} records=0 reason=\"no state file yet\"", path);
            return List.of();
        } catch (UnusableFileException e) {
            log.error("state path={} records=0 error=\"{}\" set_aside={} action=\"starting without state\"", path,
                    e.getReason(), setAside(now));
            return List.of();
        } catch (IOException e) {
            log.error("state path={} records=0 error=\"{}\" action=\"starting without state\"", path, e.toString());
            return List.of();
        }
        DecodedState decoded = StateCodec.decode(bytes);
        decoded.problems().forEach(p -> log.warn("state path={} problem=\"{}\" action=dropped", path, p));
        log.info("state path={} records={} dropped={}", path, decoded.records().size(), decoded.problems().size());
        if (!decoded.complete()) {
            log.warn("state path={} set_aside={} reason=\"not read to the end\"", path, setAside(now));
        }
        lastWritten = bytes;
        return decoded.records();
    }

    /**
     * Moves the file out of the way: {@code state.json} becomes
     * {@code state.json.unusable-20261203T082036Z}. A rename moves a symlink itself, never its
     * target. Returns the new name, or {@code "failed: why"}.
     */
    private String setAside(Instant now) {
        Path aside = path.resolveSibling(path.getFileName() + ".unusable-" + SET_ASIDE_STAMP.format(now));
        try {
            Files.move(path, aside);
            return aside.toString();
        } catch (IOException e) {
            return "failed: " + e;
        }
    }

    /** Writes the records if they differ from what the file holds; a failure is logged once per cause. */
    void save(Collection<StateRecord> records) {
        byte[] bytes = StateCodec.encode(records);
        if (Arrays.equals(bytes, lastWritten)) {
            return;
        }
        try {
            writer.write(path, bytes);
            lastWritten = bytes;
            if (lastFailure != null) {
                log.info("state path={} saved=true recovered=true", path);
                lastFailure = null;
            }
        } catch (IOException | RuntimeException e) {
            String failure = e.toString();
            if (!failure.equals(lastFailure)) {
                log.error("state path={} saved=false error=\"{}\" action=\"retry at the next change\"", path, failure);
                lastFailure = failure;
            }
        }
    }
}
