package org.ovsqos.daemon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ovsqos.daemon.metrics.DaemonMetrics;

/** The governor's confinement is checked, not only described: a call from elsewhere fails. */
class GovernorThreadTest {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void knowsItsOwnThreadAndNoOther() throws Exception {
        GovernorThread thread = GovernorThread.of(executor);
        CompletableFuture<Boolean> inside = new CompletableFuture<>();

        thread.execute(() -> inside.complete(thread.isCurrent()));

        assertThat(inside.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(thread.isCurrent()).isFalse();
    }

    @Test
    void theGovernorRefusesACallFromAnotherThread() throws Exception {
        GovernorHarness h = new GovernorHarness(false);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread stranger = new Thread(() -> {
            try {
                h.governor.tick();
                failure.complete(null);
            } catch (Throwable t) {
                failure.complete(t);
            }
        }, "stranger");

        stranger.start();

        assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("stranger");
    }

    @Test
    void theReconcilerRefusesACallFromAnotherThreadToo() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        DaemonMetrics metrics = new DaemonMetrics();
        LimitReconciler limits = new LimitReconciler(new ManualThread(clock), new InterfaceRows(),
                new HeldEffects()::write, metrics, new OvsdbLinkTracker("unix:/test/db.sock", metrics), () -> false);

        CompletableFuture<Void> call = CompletableFuture.runAsync(limits::flush);

        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(AssertionError.class);
    }
}
