package org.ovsqos.daemon.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.ovsqos.daemon.admin.InterfaceView;

/** The human form of {@code ovs-qos list}: the same facts as {@code --json}, in local time. */
final class InterfaceTable {
    static final String EMPTY = "No managed interfaces.\n";
    static final String ABSENT = "absent";

    // With its UTC offset: hosts of one fleet may sit in different zones, or keep UTC.
    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);
    private static final List<TextTable.Column> COLUMNS = List.of(
            new TextTable.Column("Interface", false),
            new TextTable.Column("Stage", true),
            new TextTable.Column("Limit (Mbit/s)", true),
            new TextTable.Column("Burst (kb)", true),
            new TextTable.Column("Base (Mbit/s)", true),
            new TextTable.Column("Penalty until", false),
            new TextTable.Column("Remaining", true),
            new TextTable.Column("Last Mbps", true),
            new TextTable.Column("Now Mbps", true),
            new TextTable.Column("VM ID", false));

    private InterfaceTable() {}

    static String render(List<InterfaceView> views, Instant now, ZoneId zone) {
        if (views.isEmpty()) {
            return EMPTY;
        }
        TextTable table = new TextTable(COLUMNS);
        views.stream().sorted(Comparator.comparing(InterfaceView::name)).forEach(v -> table.add(List.of(
                v.name(),
                Integer.toString(v.stage()),
                mbit(v.limitKbps()),
                Long.toString(v.burstKb()),
                mbit(v.baseKbps()),
                v.penaltyUntil().map(t -> LOCAL_TIME.format(t.atZone(zone))).orElse("-"),
                v.remainingSeconds(now).isPresent() ? Durations.format(v.remainingSeconds(now).getAsLong()) : "-",
                decimal(v.lastMbps()),
                !v.present() ? ABSENT : v.nowMbps().isPresent() ? decimal(v.nowMbps().getAsDouble()) : "-",
                v.vmId().orElse("-"))));
        return table.render();
    }

    private static String mbit(long kbps) {
        return decimal(kbps / 1000.0);
    }

    // Locale.ROOT: a decimal comma would break every script that parses the table anyway.
    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
