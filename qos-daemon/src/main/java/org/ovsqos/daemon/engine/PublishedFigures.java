package org.ovsqos.daemon.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.ovsqos.daemon.admin.InterfaceView;
import org.ovsqos.daemon.metrics.InterfaceFigures;

/** What the per-interface metrics show: the published {@code list} rows, with each row's byte counter. */
final class PublishedFigures {
    private PublishedFigures() {}

    /** On the governor's thread, from the snapshot it just built. */
    static List<InterfaceFigures> of(Snapshot snapshot, Governor g) {
        List<InterfaceFigures> figures = new ArrayList<>(snapshot.interfaces().size());
        for (InterfaceView v : snapshot.interfaces()) {
            InterfaceRow row = v.present() ? g.row(v.name()) : null;
            figures.add(new InterfaceFigures(v.name(), v.vmId(), v.stage(), v.limitKbps(), v.baseKbps(),
                    v.penaltyUntil(), v.present(), row == null ? OptionalLong.empty() : row.rxBytes()));
        }
        return figures;
    }
}
