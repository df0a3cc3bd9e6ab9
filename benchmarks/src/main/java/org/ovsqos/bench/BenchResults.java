package org.ovsqos.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Where a benchmark puts its figures: printed for the reader, and appended as one tab-separated
 * line per figure to the file named by {@code -Dbench.results} (scripts/bench.sh turns that file
 * into the summary table). Columns: benchmark, interfaces, metric, value, target, verdict.
 *
 * <p>Every target is set for one number of interfaces (most at 1000, first policing at 5000). A
 * run at another number still reports the figure, with the target shown for comparison but no
 * verdict: a 5000-interface {@code list} over 300 ms has not missed a 1000-interface target.
 */
final class BenchResults {
    static final String PROPERTY = "bench.results";
    /** The number of interfaces the design's targets are stated for, unless a verdict names another. */
    static final int TARGET_INTERFACES = 1000;

    private final String benchmark;
    private final int interfaces;
    private final Path file;

    BenchResults(String benchmark) {
        this.benchmark = benchmark;
        this.interfaces = BenchDatabase.interfaceCount();
        String path = System.getProperty(PROPERTY);
        this.file = path == null || path.isBlank() ? null : Path.of(path);
        String daemonFlags = System.getProperty("bench.daemonJavaOpts", "");
        if (!daemonFlags.isBlank()) {
            note("daemon JVM flags added (experiment)", daemonFlags);
        }
    }

    /** A figure with no target of its own (context). */
    void note(String metric, String value) {
        record(metric, value, "-", "-");
    }

    /** A figure measured against a target stated for {@link #TARGET_INTERFACES} interfaces. */
    void verdict(String metric, String value, String target, boolean met) {
        verdictAt(TARGET_INTERFACES, metric, value, target, met);
    }

    /** A figure measured against a target stated for {@code targetInterfaces} interfaces. */
    void verdictAt(int targetInterfaces, String metric, String value, String target, boolean met) {
        if (interfaces == targetInterfaces) {
            record(metric, value, target, met ? "MET" : "MISSED");
        } else {
            record(metric, value, "(at " + targetInterfaces + ": " + target + ")", "-");
        }
    }

    private void record(String metric, String value, String target, String verdict) {
        System.out.printf(Locale.ROOT, "RESULT %-10s %5d %-44s %-28s target %-12s %s%n", benchmark, interfaces,
                metric, value, target, verdict);
        if (file == null) {
            return;
        }
        String line = String.join("\t", benchmark, Integer.toString(interfaces), metric, value, target, verdict)
                + "\n";
        try {
            Files.writeString(file, line, UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }
}
