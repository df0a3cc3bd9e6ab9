package org.ovsqos.daemon.engine;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ovsqos.core.policy.StateRecord;
import org.ovsqos.core.state.DecodedState;
import org.ovsqos.core.state.StateCodec;
import org.ovsqos.daemon.admin.StateFileStatus;
import org.ovsqos.daemon.metrics.DaemonMetrics;
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
    /** Beside the state file, the old ovs_qos.py script's file as it was when it was imported. */
    static final String OLD_SCRIPT_SUFFIX = ".old-script";

    private final Path path;
    private final DaemonMetrics metrics;
    private final AtomicFileWriter writer = new AtomicFileWriter();
    private byte[] lastWritten = new byte[0];
    private Instant lastSaved;
    private String failure;
    /** Causes already logged since the last successful save: each is logged once, not once a tick. */
    private final Set<String> loggedFailures = new HashSet<>();

    StateFile(Path path, DaemonMetrics metrics) {
        this.path = path;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
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
        if (decoded.oldScriptFormat()) {
            keepOldScriptsFile(bytes, decoded.records().size());
        }
        log.info("state path={} records={} dropped={}", path, decoded.records().size(), decoded.problems().size());
        if (!decoded.complete()) {
            log.warn("state path={} set_aside={} reason=\"not read to the end\"", path, setAside(now));
        }
        lastWritten = bytes;
        return decoded.records();
    }

    /**
     * Removes the temp files a daemon killed in the middle of a save left beside the file; at
     * start-up, under the daemon's lock, before the first save.
     */
    void removeLeftovers() {
        try {
            for (Path leftover : AtomicFileWriter.removeLeftovers(path)) {
                log.info("state path={} leftover={} action=removed reason=\"an earlier save was interrupted\"", path,
                        leftover.getFileName());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("state path={} leftovers=unknown error=\"{}\"", path, e.toString());
        }
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

    /**
     * The old script's file is about to be overwritten in this format: a copy stays beside it, so
     * that a rollback to the script finds its state (packaging/scripts/maint.sh says where).
     */
    private void keepOldScriptsFile(byte[] bytes, int records) {
        Path kept = path.resolveSibling(path.getFileName() + OLD_SCRIPT_SUFFIX);
        try {
            writer.write(kept, bytes);
            log.info("state path={} format=ovs_qos.py records={} action=imported kept={}", path, records, kept);
        } catch (IOException | RuntimeException e) {
            log.warn("state path={} format=ovs_qos.py records={} action=imported kept=none error=\"{}\"", path,
                    records, e.toString());
        }
    }

    /**
     * Writes the records if they differ from what the file holds. A failure is logged once per
     * cause (not once per tick) and retried at the next save.
     *
     * @return whether the file now holds these records
     */
    boolean save(Collection<StateRecord> records, Instant now) {
        byte[] bytes = StateCodec.encode(records);
        if (Arrays.equals(bytes, lastWritten)) {
            return true;
        }
        try {
            writer.write(path, bytes);
            lastWritten = bytes;
            lastSaved = now;
            metrics.stateSaved(true);
            if (failure != null) {
                log.info("state path={} saved=true recovered=true", path);
                failure = null;
                loggedFailures.clear();
            }
            return true;
        } catch (IOException | RuntimeException e) {
            failure = cause(e);
            metrics.stateSaved(false);
            if (loggedFailures.add(failure)) {
                log.error("state path={} saved=false error=\"{}\" detail=\"{}\" action=\"retry at every change\"",
                        path, failure, e.toString());
            }
            return false;
        }
    }

    StateFileStatus status() {
        return new StateFileStatus(path.toString(), Optional.ofNullable(lastSaved), Optional.ofNullable(failure));
    }

    /**
     * What went wrong, without the file it happened to: the temp file's name is random, so a
     * message naming it would make every tick's failure look new.
     */
    static String cause(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
