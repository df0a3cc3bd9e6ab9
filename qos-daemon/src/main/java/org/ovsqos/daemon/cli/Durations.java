package org.ovsqos.daemon.cli;

/** Short human durations for tables: {@code 45s}, {@code 12m03s}, {@code 1h05m00s}, {@code 3d04h10m}. */
final class Durations {
    private Durations() {}

    static String format(long seconds) {
        if (seconds < 0) {
            seconds = 0;
        }
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        long secs = seconds % 60;
        if (days > 0) {
            return String.format("%dd%02dh%02dm", days, hours, minutes);
        }
        if (hours > 0) {
            return String.format("%dh%02dm%02ds", hours, minutes, secs);
        }
        if (minutes > 0) {
            return String.format("%dm%02ds", minutes, secs);
        }
        return secs + "s";
    }
}
