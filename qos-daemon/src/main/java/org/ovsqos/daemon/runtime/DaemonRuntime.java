package org.ovsqos.daemon.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ovsqos.daemon.admin.AdminHandler;
import org.ovsqos.daemon.admin.AdminServer;
import org.ovsqos.daemon.admin.AdminServerOptions;
import org.ovsqos.daemon.common.DaemonOptions;
import org.ovsqos.daemon.metrics.DaemonMetrics;
import org.ovsqos.daemon.metrics.MetricsEndpoint;
import org.ovsqos.daemon.process.SignalHandlers;
import org.ovsqos.daemon.systemd.SystemdNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process around the engine: what {@code ovs-qos daemon} has set up before the engine runs
 * (signal handlers, sd_notify, the metrics' figures) and what the engine starts through it (the
 * admin socket, the metrics endpoint), all closed in reverse order when the engine returns.
 *
 * <p>Nothing here names a Micrometer or Prometheus type: without {@code metrics_listen} the daemon
 * loads none of them, and only {@link #serveMetrics} reaches the code that does.
 *
 * <p>Signals only hand over: SIGTERM/SIGINT count down the shutdown latch (and tell systemd
 * {@code STOPPING=1} at once), SIGHUP calls the engine's reload action, which must just submit
 * the reload to the engine's executor.
 */
public final class DaemonRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DaemonRuntime.class);

    private final DaemonOptions options;
    private final SystemdNotifier notifier;
    private final Clock clock;
    private final Instant startedAt;
    private final DaemonMetrics metrics = new DaemonMetrics();
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private final AtomicBoolean stoppingSent = new AtomicBoolean();
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private volatile Runnable reloadAction = () -> log.info("signal=HUP action=ignored reason=\"engine not ready\"");
    private SignalHandlers signals;

    private DaemonRuntime(DaemonOptions options, SystemdNotifier notifier, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startedAt = clock.instant();
    }

    /** For the real process: installs the SIGHUP/SIGTERM/SIGINT handlers. */
    public static DaemonRuntime start(DaemonOptions options, SystemdNotifier notifier, Clock clock) {
        DaemonRuntime runtime = new DaemonRuntime(options, notifier, clock);
        runtime.signals = SignalHandlers.install(runtime::hangup, runtime::terminate);
        return runtime;
    }

    /** For tests of an engine: everything but the process-wide signal handlers. */
    public static DaemonRuntime withoutSignals(DaemonOptions options, SystemdNotifier notifier, Clock clock) {
        return new DaemonRuntime(options, notifier, clock);
    }

    public DaemonOptions options() {
        return options;
    }

    public SystemdNotifier notifier() {
        return notifier;
    }

    public Clock clock() {
        return clock;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long pid() {
        return ProcessHandle.current().pid();
    }

    public DaemonMetrics metrics() {
        return metrics;
    }

    /** What SIGHUP does from now on; it runs on the JVM's signal thread, so it must only submit work. */
    public void onReload(Runnable action) {
        reloadAction = Objects.requireNonNull(action, "action");
    }

    /** Asks the engine to stop, as SIGTERM does (for example after a fatal error on another thread). */
    public void requestShutdown() {
        if (stoppingSent.compareAndSet(false, true)) {
            notifier.stopping();
        }
        shutdown.countDown();
    }

    public boolean shutdownRequested() {
        return shutdown.getCount() == 0;
    }

    /**
     * Waits for a shutdown request; the engine's main thread parks here. Without a timeout on
     * purpose: a thread that wakes every second to look again costs a daemon that should cost
     * nothing a little CPU each time, for no reason.
     */
    public void awaitShutdown() throws InterruptedException {
        shutdown.await();
    }

    /**
     * Waits up to {@code timeout} for a shutdown request.
     *
     * @return whether shutdown was requested
     */
    public boolean awaitShutdown(Duration timeout) throws InterruptedException {
        return shutdown.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Starts the admin socket at {@code --admin-socket} with the default limits; closed with the runtime. */
    public synchronized AdminServer serveAdmin(AdminHandler handler) throws IOException {
        AdminServer server = AdminServer.start(AdminServerOptions.builder(options.adminSocket()).build(), handler, clock);
        resources.push(server);
        return server;
    }

    /**
     * Starts the Prometheus endpoint (with JVM metrics) on {@code metrics_listen}, serving the
     * figures counted since the process started; closed with the runtime.
     */
    public synchronized MetricsEndpoint serveMetrics(InetSocketAddress address) throws IOException {
        MetricsEndpoint endpoint = MetricsEndpoint.start(address, metrics);
        resources.push(endpoint);
        log.info("metrics endpoint listening address={}{}", endpoint.address(), MetricsEndpoint.PATH);
        return endpoint;
    }

    @Override
    public synchronized void close() {
        if (stoppingSent.compareAndSet(false, true)) {
            notifier.stopping();
        }
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("close failed resource={} error=\"{}\"", resource.getClass().getSimpleName(), e.toString());
            }
        }
        if (signals != null) {
            signals.close();
        }
        notifier.close();
    }

    private void hangup(String signal) {
        log.info("signal={} action=reload", signal);
        try {
            reloadAction.run();
        } catch (RuntimeException e) {
            log.error("signal={} action=reload error=\"{}\"", signal, e.toString(), e);
        }
    }

    private void terminate(String signal) {
        log.info("signal={} action=shutdown", signal);
        requestShutdown();
    }
}
