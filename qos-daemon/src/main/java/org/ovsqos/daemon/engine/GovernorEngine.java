package org.ovsqos.daemon.engine;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.ovsqos.core.config.ConfigResult;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.policy.BookUpdate;
import org.ovsqos.core.policy.PolicyBook;
import org.ovsqos.daemon.admin.AdminCommandException;
import org.ovsqos.daemon.common.ConfigUnusableException;
import org.ovsqos.daemon.common.DaemonException;
import org.ovsqos.daemon.common.DaemonOptions;
import org.ovsqos.daemon.common.ExitCodes;
import org.ovsqos.daemon.common.Version;
import org.ovsqos.daemon.config.ConfigFile;
import org.ovsqos.daemon.logging.LoggingSetup;
import org.ovsqos.daemon.runtime.DaemonEngine;
import org.ovsqos.daemon.runtime.DaemonRuntime;
import org.ovsqos.ovsdb.cache.RowEvent;
import org.ovsqos.ovsdb.cache.RowListener;
import org.ovsqos.ovsdb.client.Endpoint;
import org.ovsqos.ovsdb.client.OvsdbClient;
import org.ovsqos.ovsdb.client.OvsdbOptions;
import org.ovsqos.ovsdb.client.Replica;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.operation.OperationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ovs-qos daemon}: wires the config, the state file, the OVSDB client and its replica of
 * the {@code Interface} table, the {@link Governor} on its own thread, the admin socket, metrics
 * and systemd, then waits for SIGTERM. Startup order matters: the state is restored before the
 * first row event can ask for a limit, so a guest that reboots during a restart still owes its
 * penalty.
 */
public final class GovernorEngine implements DaemonEngine {
    /**
     * In a holder so that {@code Main} can build the command line (which names this class) for a
     * client command without starting logging: that alone costs a client ~100 ms.
     */
    private static final class Log {
        static final Logger log = LoggerFactory.getLogger(GovernorEngine.class);
    }
    static final String DATABASE = "Open_vSwitch";
    /** READY=1 waits for the first sync at most this long, so systemd does not kill a daemon whose OVSDB is down. */
    static final Duration READY_GRACE = Duration.ofSeconds(10);

    private ScheduledExecutorService thread;
    private Governor governor;
    private GovernorAdmin admin;
    private DaemonRuntime runtime;
    private DaemonOptions options;
    private StateFile stateFile;
    private ScheduledFuture<?> nextTick;
    private Duration tickInterval;
    private OvsdbClient client;
    private Snapshot.StatusFacts facts;

    @Override
    public int run(DaemonOptions options, DaemonRuntime runtime) throws Exception {
        this.options = options;
        this.runtime = runtime;
        Instant now = runtime.clock().instant();
        QosConfig config = loadConfig(options.configFile());

        stateFile = new StateFile(statePath(options, config), runtime.metrics());
        stateFile.removeLeftovers();
        BookUpdate restored = PolicyBook.restore(config, stateFile.load(now), now);
        restored.forgotten().forEach(f -> Log.log.info("state iface={} event=forgotten reason={}", f.iface(),
                f.reason().name().toLowerCase()));

        // A scheduled executor keeps a task's exception in a future nobody reads (an uncaught
        // exception handler never sees it): one-off tasks go through GovernorThread, which logs.
        thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "ovs-qos-governor"));
        GovernorThread governorThread = GovernorThread.of(thread);
        Endpoint endpoint = Endpoint.parse(options.dbEndpoint());
        OvsdbLinkTracker link = new OvsdbLinkTracker(endpoint.toString(), runtime.metrics());
        governor = new Governor(governorThread, runtime.clock(), restored.book(), new Effects(), runtime.metrics(),
                link, options.dryRun());
        facts = new Snapshot.StatusFacts(Version.current(), runtime.pid(), runtime.startedAt(),
                options.configFile().toString());
        admin = new GovernorAdmin(() -> Snapshot.of(governor, facts, stateFile.status(), runtime.clock().instant()),
                governorThread, governor::release, this::reload);
        runtime.metrics().interfacesFrom(() -> admin.snapshot().figures());
        runtime.serveAdmin(admin);
        runtime.metrics().configure(config.tiers().size(), config.sampleInterval());
        config.metricsListen().ifPresent(l -> serveMetrics(new InetSocketAddress(l.host(), l.port())));
        runtime.onReload(() -> governorThread.execute(this::reloadOnSignal));

        client = OvsdbClient.create(endpoint, OvsdbOptions.defaults());
        boolean saved;
        try {
            client.session().addStateListener(e -> governorThread.execute(() -> governor.onSessionEvent(e)));
            Replica replica = client.replicate(DATABASE,
                    Map.of(InterfaceRow.TABLE, MonitorRequest.columns(InterfaceRow.COLUMNS)), governorThread);
            replica.cache().addListener(guarded(governor));
            replica.addSyncListener(governor::onSynced);
            // A hand-over, not thenRunAsync: that would keep a failure of ready() in a future nobody reads.
            replica.firstSync().thenRun(() -> governorThread.execute(this::ready));
            governorThread.schedule(() -> {
                if (!governor.synced()) {
                    runtime.notifier().ready("waiting for OVSDB at " + endpoint);
                }
            }, READY_GRACE);
            client.start();
            // From the governor's thread, like every later reschedule: nextTick is then written by
            // one thread only, and a tick cannot start before nextTick holds its future. The
            // interval is the book's, in case an admin reload got to the thread first.
            governorThread.execute(() -> scheduleTick(governor.book().config().sampleInterval()));
            runtime.notifier().watchdogPingInterval().ifPresent(every -> thread.scheduleAtFixedRate(this::watchdog,
                    every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS));
            Log.log.info("daemon version={} pid={} config={} db={} state={} dry_run={} interval_s={}", Version.current(),
                    runtime.pid(), options.configFile(), endpoint, stateFile.path(), governor.dryRun(),
                    config.sampleInterval().toMillis() / 1000.0);

            runtime.awaitShutdown(); // the governor's thread does the work; this one only waits for SIGTERM
            Log.log.info("daemon action=stopping");
            saved = thread.submit(this::saveState).get(10, TimeUnit.SECONDS);
        } finally {
            client.close();
            thread.shutdownNow();
        }
        if (!saved) {
            // Non-zero so that systemd and the operator see it: the next start loses these penalties.
            Log.log.error("daemon action=stopped state_saved=false state={} error=\"{}\"", stateFile.path(),
                    stateFile.status().error().orElse("unknown"));
            return ExitCodes.STATE_NOT_SAVED;
        }
        Log.log.info("daemon action=stopped");
        return ExitCodes.OK;
    }

    private QosConfig loadConfig(Path path) {
        if (!Files.exists(path)) {
            Log.log.info("config path={} found=false action=\"using defaults\"", path);
        }
        ConfigResult result = ConfigFile.read(path);
        ConfigFile.logProblems(path, result);
        QosConfig config = result.config().orElseThrow(() -> new ConfigUnusableException("config " + path
                + " is unusable: " + String.join("; ", ConfigFile.describe(result))));
        return withFlags(config);
    }

    /**
     * {@code --dry-run} overrides the file, at startup and at every reload; so does
     * {@code --log-level}, and the file's {@code log_level} is applied here when it is not given.
     */
    private QosConfig withFlags(QosConfig config) {
        LoggingSetup.level(options.logLevel().orElse(config.logLevel()));
        return options.dryRun() ? config.toBuilder().dryRun(true).build() : config;
    }

    /** {@code --state} wins; the config's {@code state_path} is used when the flag was left at its default. */
    private static Path statePath(DaemonOptions options, QosConfig config) {
        boolean flagIsDefault = options.stateFile().equals(Path.of(DaemonOptions.DEFAULT_STATE));
        return flagIsDefault && !config.statePath().equals(QosConfig.DEFAULT_STATE_PATH) ? config.statePath()
                : options.stateFile();
    }

    private void serveMetrics(InetSocketAddress address) {
        try {
            runtime.serveMetrics(address);
        } catch (Exception e) {
            Log.log.error("metrics listen={} error=\"{}\" action=\"running without metrics\"", address, e.toString());
        }
    }

    // ------------------------------------------------------------------- on the governor's thread

    private void ready() {
        runtime.notifier().ready(statusLine());
        Snapshot s = admin.snapshot();
        Log.log.info("daemon state=ready managed={} penalised={} ovsdb={} dry_run={}", s.status().managedInterfaces(),
                s.status().penalties(), s.status().ovsdb().state().jsonName(), governor.dryRun());
    }

    private void tick() {
        try {
            governor.tick();
            runtime.notifier().status(statusLine());
        } catch (RuntimeException e) {
            Log.log.error("tick error=\"{}\"", e.toString(), e);
        } finally {
            scheduleTick(governor.book().config().sampleInterval());
        }
    }

    private void scheduleTick(Duration interval) {
        tickInterval = interval;
        nextTick = thread.schedule(this::tick, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** WATCHDOG=1 only while ticks keep coming: a stuck governor thread then gets the daemon restarted. */
    private void watchdog() {
        Instant last = governor.lastTick() != null ? governor.lastTick() : runtime.startedAt();
        Duration since = Duration.between(last, runtime.clock().instant());
        if (since.compareTo(tickInterval.multipliedBy(2).plusSeconds(5)) < 0) {
            runtime.notifier().watchdog();
        }
    }

    /** SIGHUP: no one awaits the answer, and a refused config has already been logged. */
    private void reloadOnSignal() {
        try {
            reload();
        } catch (AdminCommandException e) {
            // logged by reload(); the running config stays
        }
    }

    private CompletionStage<String> reload() {
        Path path = options.configFile();
        runtime.notifier().reloading();
        try {
            QosConfig config = withFlags(ConfigReload.read(path));
            if (!config.metricsListen().equals(governor.book().config().metricsListen())) {
                Log.log.warn("config key=metrics_listen change=ignored reason=\"takes effect at the next restart\"");
            }
            governor.adopt(config);
            runtime.metrics().configure(config.tiers().size(), config.sampleInterval());
            if (nextTick != null && !config.sampleInterval().equals(tickInterval)) {
                nextTick.cancel(false);
                scheduleTick(config.sampleInterval());
            }
            Log.log.info("config path={} reloaded=true problems=0", path);
            runtime.metrics().reloaded(true);
            return CompletableFuture.completedFuture("reloaded " + path);
        } catch (RuntimeException e) {
            runtime.metrics().reloaded(false);
            throw e;
        } finally {
            runtime.notifier().ready(statusLine());
        }
    }

    /** The last save, at shutdown, on the governor's thread. */
    private boolean saveState() {
        return stateFile.save(governor.book().stateRecords(), runtime.clock().instant());
    }

    private String statusLine() {
        Snapshot s = admin.snapshot();
        return "managed=" + s.status().managedInterfaces() + " penalised=" + s.status().penalties() + " ovsdb="
                + s.status().ovsdb().state().jsonName() + (governor.dryRun() ? " dry_run=true" : "");
    }

    private static RowListener guarded(Governor governor) {
        return new RowListener() {
            @Override
            public void onEvent(RowEvent event) {
                try {
                    governor.onEvent(event);
                } catch (RuntimeException e) {
                    Log.log.error("row={} event={} error=\"{}\"", event.uuid(), event.getClass().getSimpleName(),
                            e.toString(), e);
                }
            }

            @Override
            public void afterUpdate() {
                governor.afterUpdate();
            }
        };
    }

    /** The governor's side effects, performed here. */
    private final class Effects implements Governor.Effects {
        @Override
        public CompletionStage<List<OperationResult>> write(List<LimitWrite> writes) {
            return client.transact(DATABASE, LimitWrite.operations(writes));
        }

        @Override
        public void saveState(PolicyBook book) {
            stateFile.save(book.stateRecords(), runtime.clock().instant());
        }

        @Override
        public void publish(Governor g) {
            admin.invalidate();
            runtime.metrics().ovsdbState(g.link().view().state());
        }
    }
}
