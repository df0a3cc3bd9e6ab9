package org.ovsqos.daemon.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runnable jar of the command-line contract, {@code qos-daemon/target/ovs-qos.jar}, as an
 * operator runs it: a separate JVM per command. Failsafe runs after {@code package}, so the jar
 * exists; the working directory of the tests is the module's directory.
 */
final class OvsQosJar {
    static final Path JAR = Path.of("target", "ovs-qos.jar").toAbsolutePath();
    /** A client command answers in well under a second; a loaded 2-core machine gets slack. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    /** What a finished command left behind. */
    record Result(int exitCode, String stdout, String stderr) {
        List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        List<String> stderrLines() {
            return stderr.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private OvsQosJar() {}

    /**
     * {@code java -jar ovs-qos.jar ARGS}, with the same JDK as the tests. C1 only and the serial
     * collector: these JVMs are short-lived or idle, and the machine has two cores. Assertions of
     * the project's own packages are on.
     */
    static List<String> command(List<String> prefix, List<String> args) {
        return command(JAR, prefix, List.of(), args);
    }

    /** The same with another copy of the jar (one that a test user can read, for example). */
    static List<String> command(Path jar, List<String> prefix, List<String> args) {
        return command(jar, prefix, List.of(), args);
    }

    /** The same, with {@code jvmOptions} after the defaults, so that they win ({@code -Xmx64m}). */
    static List<String> command(Path jar, List<String> prefix, List<String> jvmOptions, List<String> args) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the integration tests run after `package`");
        }
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss512k", "-Xmx128m",
                // The daemon's own assertions (thread confinement) on, as in the unit tests.
                "-ea:org.ovsqos..."));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        return command;
    }

    /** Runs a command to its end; output goes to files, never pipes that could fill up. */
    static Result run(Path workDir, String... args) {
        return run(workDir, List.of(), Map.of(), List.of(args));
    }

    static Result run(Path workDir, List<String> prefix, Map<String, String> env, List<String> args) {
        return run(workDir, JAR, prefix, env, args);
    }

    static Result run(Path workDir, Path jar, List<String> prefix, Map<String, String> env, List<String> args) {
        return run(workDir, command(jar, prefix, args), env);
    }

    /** {@code java JVM_OPTIONS -jar ovs-qos.jar ARGS}, e.g. with the heap the launcher gives. */
    static Result runWithJvmOptions(Path workDir, List<String> jvmOptions, List<String> args) {
        return run(workDir, command(JAR, List.of(), jvmOptions, args), Map.of());
    }

    private static Result run(Path workDir, List<String> command, Map<String, String> env) {
        try {
            Path out = Files.createTempFile(workDir, "cli", ".out");
            Path err = Files.createTempFile(workDir, "cli", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().putAll(env);
                Process process = builder.start();
                boolean finished;
                try {
                    finished = process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    process.destroyForcibly(); // a test's @Timeout interrupts: leave no process behind
                    throw e;
                }
                if (!finished) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(String.join(" ", command) + " did not finish within "
                            + COMMAND_TIMEOUT.toSeconds() + " s; stderr: " + Files.readString(err, UTF_8));
                }
                return new Result(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        }
    }
}
