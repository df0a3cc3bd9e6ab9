package org.ovsqos.daemon.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.ovsqos.core.policy.Limit;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.operation.Operation;

/**
 * One interface's policing columns to set. A batch of them becomes a single {@code transact}:
 * one {@code update} per row, each guarded by the row's {@code _uuid} and {@code name}, so a row
 * deleted and re-created meanwhile (a new uuid) or renamed is left alone rather than clobbered;
 * such an update simply counts 0 rows and the next event re-polices the new row.
 */
record LimitWrite(UUID uuid, String name, Limit limit) {

    /** The operations of one batch, in the order given, after a comment that names the writer. */
    static List<Operation> operations(Collection<LimitWrite> writes) {
        List<Operation> ops = new ArrayList<>(writes.size() + 1);
        ops.add(Operation.comment("ovs-qos: set ingress policing on " + writes.size() + " interface(s)"));
        for (LimitWrite w : writes) {
            ops.add(Operation.update(InterfaceRow.TABLE,
                    List.of(Condition.equal(Row.UUID_COLUMN, Atom.uuid(w.uuid())),
                            Condition.equal(InterfaceRow.NAME, Atom.string(w.name()))),
                    Row.of(InterfaceRow.RATE, Atom.integer(w.limit().rateKbps()),
                            InterfaceRow.BURST, Atom.integer(w.limit().burstKb()))));
        }
        return ops;
    }

    /** Where the result of the {@code i}-th write of a batch is: after the comment's. */
    static int resultIndex(int i) {
        return i + 1;
    }
}
