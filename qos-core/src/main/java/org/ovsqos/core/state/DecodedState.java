package org.ovsqos.core.state;

import java.util.List;
import org.ovsqos.core.policy.StateRecord;

/**
 * What {@link StateCodec#decode} could read.
 *
 * @param records the good records, in file order, one per interface name
 * @param problems one line per thing that was wrong or dropped, for the daemon's log; empty for a
 *     clean file
 * @param oldScriptFormat the file was the old ovs_qos.py script's, and its records were imported
 */
public record DecodedState(List<StateRecord> records, List<String> problems, boolean oldScriptFormat) {

    public DecodedState {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }
}
