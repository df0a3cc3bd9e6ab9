package org.ovsqos.daemon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ovsqos.daemon.admin.ConnectionState;
import org.ovsqos.daemon.admin.DaemonStatus;
import org.ovsqos.daemon.admin.OvsdbLink;

/** Snapshots are built on the governor's thread, once per change that a reader asks about. */
class GovernorAdminTest {
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "governor-under-test"));
    private final GovernorThread governor = GovernorThread.of(executor);
    private final AtomicInteger builds = new AtomicInteger();
    private final List<String> buildThreads = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aChangeIsBuiltOnceWhenAReaderAsksAndOnTheGovernorsThread() {
        GovernorAdmin admin = admin(Duration.ofSeconds(10));
        assertThat(builds).as("the first snapshot, at start").hasValue(1);

        admin.list();
        admin.status();
        assertThat(builds).as("nothing changed: no build").hasValue(1);

        admin.invalidate();
        admin.invalidate();
        assertThat(builds).as("changes alone build nothing").hasValue(1);
        assertThat(admin.status().managedInterfaces()).isEqualTo(2);
        admin.list();
        assertThat(builds).as("one build for the reads after the changes").hasValue(2);
        assertThat(buildThreads.subList(1, buildThreads.size())).containsOnly("governor-under-test");
    }

    @Test
    void theGovernorsOwnThreadBuildsInlineWithoutWaitingForItself() throws Exception {
        GovernorAdmin admin = admin(Duration.ofSeconds(10));
        Snapshot fresh = CompletableFuture.supplyAsync(() -> {
            admin.invalidate();
            return admin.snapshot();
        }, executor).get(10, TimeUnit.SECONDS);

        assertThat(fresh.status().managedInterfaces()).isEqualTo(2);
        assertThat(builds).hasValue(2);
    }

    @Test
    void aBusyGovernorLeavesReadersTheLastSnapshotRatherThanHangingThem() throws Exception {
        GovernorAdmin admin = admin(Duration.ofMillis(100));
        Snapshot first = admin.snapshot();
        CountDownLatch release = new CountDownLatch(1);
        executor.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        admin.invalidate();

        assertThat(admin.snapshot()).as("the governor is stuck: the last snapshot").isSameAs(first);

        release.countDown();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> admin.snapshot() != first);
        assertThat(builds.get()).isGreaterThanOrEqualTo(2);
    }

    private GovernorAdmin admin(Duration wait) {
        Supplier<Snapshot> build = () -> {
            builds.incrementAndGet();
            buildThreads.add(Thread.currentThread().getName());
            return snapshot(builds.get() == 1 ? 1 : 2);
        };
        return new GovernorAdmin(build, governor, name -> CompletableFuture.completedFuture(name),
                () -> CompletableFuture.completedFuture("reloaded"), wait);
    }

    private static Snapshot snapshot(int managed) {
        DaemonStatus status = new DaemonStatus("test", 1, Instant.EPOCH,
                new OvsdbLink(ConnectionState.CONNECTED, "unix:/db.sock", Optional.empty(), Optional.empty()), managed,
                Optional.empty(), Map.of(), "/config.json", false, Optional.empty());
        return new Snapshot(List.of(), status, List.of());
    }
}
