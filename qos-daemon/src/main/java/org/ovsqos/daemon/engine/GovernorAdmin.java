package org.ovsqos.daemon.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ovsqos.daemon.admin.AdminHandler;
import org.ovsqos.daemon.admin.DaemonStatus;
import org.ovsqos.daemon.admin.InterfaceView;

/**
 * The admin socket's view of the governor: reads answer from the last published
 * {@link Snapshot} (a volatile reference, never the governor's state); commands are handed to
 * the governor's thread and answer when it has carried them out.
 */
final class GovernorAdmin implements AdminHandler {
    private final Executor governorThread;
    private final Supplier<CompletionStage<String>> reload;
    private final Function<String, CompletionStage<String>> release;
    private volatile Snapshot snapshot;

    GovernorAdmin(Snapshot initial, Executor governorThread,
            Function<String, CompletionStage<String>> release,
            Supplier<CompletionStage<String>> reload) {
        this.snapshot = initial;
        this.governorThread = governorThread;
        this.release = release;
        this.reload = reload;
    }

    void publish(Snapshot next) {
        snapshot = next;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    @Override
    public List<InterfaceView> list() {
        return snapshot.interfaces();
    }

    @Override
    public DaemonStatus status() {
        return snapshot.status();
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
