package org.ovsqos.daemon.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.ovsqos.daemon.admin.InterfaceView;
import org.ovsqos.daemon.metrics.InterfaceFigures;

/** What the per-interface metrics show: the published {@code list} rows, with each row's byte counter. */
final class PublishedFigures {
    private PublishedFigures() {}

    /** On the governor's thread, from the rows of the snapshot it is building. */
    static List<InterfaceFigures> of(List<InterfaceView> rows, Governor g) {
        List<InterfaceFigures> figures = new ArrayList<>(rows.size());
        for (InterfaceView v : rows) {
            InterfaceRow row = v.present() ? g.row(v.name()) : null;
            figures.add(new InterfaceFigures(v.name(), v.vmId(), v.stage(), v.limitKbps(), v.baseKbps(),
                    v.penaltyUntil(), v.present(), row == null ? OptionalLong.empty() : row.rxBytes()));
        }
        return figures;
    }
}
