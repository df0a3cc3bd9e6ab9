package org.ovsqos.daemon.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.ovsqos.core.policy.StateRecord;
import org.ovsqos.core.state.DecodedState;
import org.ovsqos.core.state.StateCodec;
import org.ovsqos.daemon.process.AtomicFileWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state file: every interface's tier, penalty end and timers, so a restart (or a crash)
 * loses no penalty. Read record by record (a damaged record is dropped with a reason, the rest
 * kept); written atomically, and only when its content changed.
 */
final class StateFile {
    private static final Logger log = LoggerFactory.getLogger(StateFile.class);
    /** Beside the state file, the old ovs_qos.py script's file as it was when it was imported. */
    static final String OLD_SCRIPT_SUFFIX = ".old-script";

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

    /** The records of the file; none when it does not exist or cannot be read, saying why. */
    List<StateRecord> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            log.info("state path={} records=0 reason=\"no state file yet\"", path);
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
        lastWritten = bytes;
        return decoded.records();
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
