package org.ovsqos.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Commands run on this host by the packaging tests: their exit code and output (stderr merged). */
final class Shell {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    record Result(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit " + exitCode + ":\n" + output;
        }
    }

    private Shell() {
    }

    /** {@code sh -c script} in {@code dir}, with {@code env} added to this process's environment. */
    static Result sh(Path dir, Map<String, String> env, String script) {
        return run(dir, env, List.of("sh", "-c", script));
    }

    /** As {@link #sh}, failing the test with the output when the script fails. */
    static String ok(Path dir, String script) {
        Result result = sh(dir, Map.of(), script);
        if (result.exitCode() != 0) {
            throw new AssertionError("`" + script + "` failed: " + result);
        }
        return result.output();
    }

    static Result run(Path dir, Map<String, String> env, List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            // Read before waiting: a full pipe would block the process.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + TIMEOUT + ":\n" + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command, e);
        }
    }
}
