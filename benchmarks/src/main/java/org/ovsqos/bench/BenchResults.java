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
 * into the summary table). Columns: benchmark, metric, value, target, verdict.
 */
final class BenchResults {
    static final String PROPERTY = "bench.results";

    private final String benchmark;
    private final Path file;

    BenchResults(String benchmark) {
        this.benchmark = benchmark;
        String path = System.getProperty(PROPERTY);
        this.file = path == null || path.isBlank() ? null : Path.of(path);
    }

    /** A figure with no target of its own (context). */
    void note(String metric, String value) {
        record(metric, value, "-", "-");
    }

    /** A figure measured against a target. */
    void verdict(String metric, String value, String target, boolean met) {
        record(metric, value, target, met ? "MET" : "MISSED");
    }

    private void record(String metric, String value, String target, String verdict) {
        System.out.printf(Locale.ROOT, "RESULT %-10s %-44s %-28s target %-12s %s%n", benchmark, metric, value,
                target, verdict);
        if (file == null) {
            return;
        }
        String line = String.join("\t", benchmark, metric, value, target, verdict) + "\n";
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
