package org.ovsqos.daemon.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ovsqos.daemon.admin.DaemonStatus;
import org.ovsqos.daemon.admin.OvsdbLink;
import org.ovsqos.daemon.admin.StateFileStatus;

/** The human form of {@code ovs-qos status}. */
final class StatusText {
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private StatusText() {}

    static String render(DaemonStatus s, Instant now, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        out.append("ovs-qos daemon ").append(s.version()).append(", pid ").append(s.pid()).append('\n');
        field(out, "OVSDB", ovsdb(s.ovsdb(), now, zone));
        field(out, "Uptime", Durations.format(Duration.between(s.startedAt(), now).getSeconds())
                + " (since " + local(s.startedAt(), zone) + ")");
        field(out, "Interfaces", s.managedInterfaces() + " managed");
        field(out, "Last tick", s.lastTick().map(t -> local(t, zone) + " (" + ago(t, now) + ")").orElse("none yet"));
        field(out, "Penalties", s.penaltiesByTier().isEmpty() ? "none"
                : s.penalties() + " (" + s.penaltiesByTier().entrySet().stream()
                        .map(e -> "tier " + e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining(", ")) + ")");
        field(out, "Config", s.configPath());
        s.stateFile().ifPresent(f -> field(out, "State file", stateFile(f, now, zone)));
        field(out, "Dry run", s.dryRun() ? "yes (OVSDB is never written)" : "no");
        return out.toString();
    }

    private static String ovsdb(OvsdbLink link, Instant now, ZoneId zone) {
        StringBuilder text = new StringBuilder(link.state().jsonName())
                .append(switch (link.state()) {
                    case CONNECTED -> " to ";
                    case CONNECTING -> " to ";
                    case UNRESPONSIVE -> " (takes connections, does not answer) at ";
                    case DISCONNECTED -> " from ";
                })
                .append(link.endpoint());
        link.since().ifPresent(t -> text.append(" since ").append(local(t, zone)).append(" (").append(ago(t, now)).append(')'));
        if (link.failedAttempts() > 0) {
            text.append(", ").append(link.failedAttempts()).append(link.failedAttempts() == 1 ? " failed attempt" : " failed attempts");
        }
        link.lastError().ifPresent(e -> text.append("; last error: ").append(e));
        return text.toString();
    }

    private static String stateFile(StateFileStatus f, Instant now, ZoneId zone) {
        String saved = f.lastSaved().map(t -> "last saved " + local(t, zone) + " (" + ago(t, now) + ")")
                .orElse("not saved since start");
        return f.path() + f.error().map(e -> "; SAVE FAILING: " + e + "; ").orElse(", ") + saved;
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(String.format(Locale.ROOT, "  %-11s %s\n", name + ":", value));
    }

    private static String local(Instant t, ZoneId zone) {
        return LOCAL_TIME.format(t.atZone(zone));
    }

    private static String ago(Instant t, Instant now) {
        return Durations.format(Duration.between(t, now).getSeconds()) + " ago";
    }
}
