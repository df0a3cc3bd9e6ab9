package org.ovsqos.core.state;

import java.util.List;
import org.ovsqos.core.policy.StateRecord;

/**
 * What {@link StateCodec#decode} could read.
 *
 * @param records the good records, in file order, one per interface name
 * @param problems one line per thing that was wrong or dropped, for the daemon's log; empty for a
 *     clean file; at most {@link StateCodec#MAX_PROBLEMS} and a last line counting the rest
 * @param complete false when a limit ({@link StateCodec#MAX_FILE_BYTES},
 *     {@link StateCodec#MAX_RECORDS}) left records unread: the file holds more than
 *     {@code records}, and whoever replaces it should keep it first
 * @param oldScriptFormat the file was the old ovs_qos.py script's, and its records were imported
 */
public record DecodedState(List<StateRecord> records, List<String> problems, boolean complete,
        boolean oldScriptFormat) {

    public DecodedState {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }
}
