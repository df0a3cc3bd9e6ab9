package org.ovsqos.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * One process's CPU time and resident memory, read from {@code /proc}: {@code utime + stime}
 * (fields 14 and 15 of {@code /proc/PID/stat}, in clock ticks, all threads, GC and JIT included)
 * and {@code VmRSS} of {@code /proc/PID/status}.
 */
final class ProcStat {
    private final long pid;
    private final long ticksPerSecond;

    ProcStat(long pid) throws IOException, InterruptedException {
        this.pid = pid;
        this.ticksPerSecond = clockTicks();
    }

    /** CPU time used so far, in seconds. */
    double cpuSeconds() throws IOException {
        return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"), UTF_8));
    }

    private double ticks(String stat) {
        // The command name in parentheses may hold spaces: count fields after its closing one.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(f[11]); // field 14 overall; f[0] is field 3 (state)
        long stime = Long.parseLong(f[12]);
        return (utime + stime) / (double) ticksPerSecond;
    }

    /** CPU seconds so far of each thread, by thread name (threads of one name added up). */
    Map<String, Double> cpuSecondsByThread() throws IOException {
        Map<String, Double> byName = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm"), UTF_8).strip()
                            .replaceAll("[0-9]+$", "#"); // "C2 CompilerThre0" and "…1" are one kind
                    byName.merge(name, ticks(Files.readString(task.resolve("stat"), UTF_8)), Double::sum);
                } catch (IOException gone) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return byName;
    }

    /** VmRSS in MiB. */
    double rssMib() throws IOException {
        return statusValue("VmRSS:") / 1024.0;
    }

    long threads() throws IOException {
        return statusValue("Threads:");
    }

    private long statusValue(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), UTF_8)) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException(key + " not in /proc/" + pid + "/status");
    }

    private static long clockTicks() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8).trim();
        p.waitFor();
        try {
            return Long.parseLong(out);
        } catch (NumberFormatException e) {
            return 100; // USER_HZ on every Linux architecture we run on
        }
    }
}
