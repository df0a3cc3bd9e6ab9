package org.ovsqos.daemon.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ovsqos.daemon.admin.AdminHandler;
import org.ovsqos.daemon.admin.DaemonStatus;
import org.ovsqos.daemon.admin.InterfaceView;

/**
 * The admin socket's and the metrics' view of the governor: reads answer from a {@link Snapshot}
 * (never the governor's state); commands are handed to the governor's thread and answer when it
 * has carried them out.
 *
 * <p>A snapshot is built when a reader asks for one after a change, not at every change: most
 * changes are vswitchd's statistics, every few seconds for every interface, and rebuilding 1000
 * rows for each of them cost more than the rest of the governor's work while nobody was looking.
 * The build runs on the governor's thread, so it sees a consistent state without locks; a reader
 * waits for it at most {@link #BUILD_WAIT}, then takes the last snapshot rather than hang.
 */
final class GovernorAdmin implements AdminHandler {
    static final Duration BUILD_WAIT = Duration.ofSeconds(2);

    private final GovernorThread governorThread;
    private final Supplier<Snapshot> build;
    private final Duration buildWait;
    private final Supplier<CompletionStage<String>> reload;
    private final Function<String, CompletionStage<String>> release;
    private volatile Snapshot snapshot;
    /** Set on the governor's thread by every change, cleared there by the build that follows it. */
    private volatile boolean stale;

    /** {@code build} runs on the governor's thread; the first snapshot is built now, on the caller's. */
    GovernorAdmin(Supplier<Snapshot> build, GovernorThread governorThread,
            Function<String, CompletionStage<String>> release,
            Supplier<CompletionStage<String>> reload) {
        this(build, governorThread, release, reload, BUILD_WAIT);
    }

    GovernorAdmin(Supplier<Snapshot> build, GovernorThread governorThread,
            Function<String, CompletionStage<String>> release,
            Supplier<CompletionStage<String>> reload, Duration buildWait) {
        this.build = build;
        this.buildWait = buildWait;
        this.snapshot = build.get();
        this.governorThread = governorThread;
        this.release = release;
        this.reload = reload;
    }

    /** On the governor's thread: its state changed, the next reader gets a new snapshot. */
    void invalidate() {
        stale = true;
    }

    /** The governor's state as of now, or as of the last build when the governor cannot answer in time. */
    Snapshot snapshot() {
        if (!stale) {
            return snapshot;
        }
        if (governorThread.isCurrent()) {
            return rebuild();
        }
        CompletableFuture<Snapshot> built = new CompletableFuture<>();
        governorThread.execute(() -> built.complete(rebuild()));
        try {
            return built.get(buildWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return snapshot;
        } catch (ExecutionException | TimeoutException e) {
            return snapshot; // a stopping daemon drops the task; a stuck one must not hang its readers
        }
    }

    private Snapshot rebuild() {
        if (stale) {
            stale = false;
            snapshot = build.get();
        }
        return snapshot;
    }

    @Override
    public List<InterfaceView> list() {
        return snapshot().interfaces();
    }

    @Override
    public DaemonStatus status() {
        return snapshot().status();
    }

    @Override
    public CompletionStage<String> release(String interfaceName) {
        return onGovernorThread(() -> release.apply(interfaceName));
    }

    @Override
    public CompletionStage<String> reload() {
        return onGovernorThread(reload);
    }

    private CompletionStage<String> onGovernorThread(Supplier<CompletionStage<String>> command) {
        return CompletableFuture.supplyAsync(command, governorThread).thenCompose(stage -> stage);
    }
}
