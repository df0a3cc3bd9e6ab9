package org.ovsqos.daemon.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code prometheus} and {@code promtool}, as {@code scripts/test.sh} installs them
 * ({@code scripts/lib/ensure-prometheus.sh}). A missing binary fails the test, saying how to get
 * it: the monitoring files are never left untested for want of a tool.
 */
final class PrometheusTools {
    /** What a finished promtool run printed. */
    record Result(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit " + exitCode + ":\n" + output;
        }
    }

    private PrometheusTools() {}

    /** The binary on the PATH. */
    static Path binary(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(name + " is not installed (not on PATH): run scripts/lib/ensure-prometheus.sh "
                + "(scripts/test.sh does), or install Debian's prometheus package");
    }

    /** {@code promtool ARGS}, with {@code stdin} as its input; its output and error merged. */
    static Result promtool(Path dir, byte[] stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(binary("promtool").toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            try (var in = process.getOutputStream()) {
                in.write(stdin);
            }
            String output = new String(process.getInputStream().readAllBytes(), UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("promtool " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
