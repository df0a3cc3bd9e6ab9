package org.ovsqos.daemon.metrics;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import java.lang.management.ManagementFactory;
import java.util.Set;

/**
 * The JVM and process series: memory, GC, threads, classes, CPU, file descriptors, uptime, from
 * Micrometer's binders. Two of their names break Prometheus's naming rules ({@code promtool check
 * metrics}): {@code process_cpu_time_ns_total} (a unit abbreviated, and not a base unit) and
 * {@code system_cpu_count} (a gauge ending in {@code _count}). The first is replaced by
 * {@code process_cpu_seconds_total}, the name every Prometheus client gives the process's CPU
 * time; the second is dropped, the host's CPU count being node_exporter's to report.
 */
final class JvmMeters implements AutoCloseable {
    static final String PROCESS_CPU_SECONDS = "process.cpu";
    private static final Set<String> DROPPED = Set.of("process.cpu.time", "system.cpu.count");

    private JvmGcMetrics gc;

    /** The filter goes in before any meter is registered; Micrometer warns of one added later. */
    static void denyFlaggedNames(MeterRegistry registry) {
        registry.config().meterFilter(MeterFilter.deny(id -> DROPPED.contains(id.getName())));
    }

    synchronized void bindTo(MeterRegistry registry) {
        if (gc != null) {
            return;
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            FunctionCounter.builder(PROCESS_CPU_SECONDS, os, o -> o.getProcessCpuTime() / 1e9).baseUnit("seconds")
                    .description("CPU time the process has used, user and system").register(registry);
        }
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
    }

    @Override
    public synchronized void close() {
        if (gc != null) {
            gc.close();
            gc = null;
        }
    }
}
