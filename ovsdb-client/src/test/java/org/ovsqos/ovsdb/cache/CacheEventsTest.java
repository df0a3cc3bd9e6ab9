package org.ovsqos.ovsdb.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ovsqos.ovsdb.cache.TestSchemas.KINDS_DB;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.Registration;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.monitor.TableUpdates;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Row;

/** Delivery order, listener lifecycle and what concurrent readers see. */
class CacheEventsTest {
    private static final UUID A = new UUID(0, 0xa);
    private static final UUID B = new UUID(0, 0xb);

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private static TableCache cache(java.util.concurrent.Executor executor) {
        return TableCache.create(KINDS_DB, Map.of("K", MonitorRequest.columns("int")), executor);
    }

    private static TableUpdates setInt(UUID uuid, long value) {
        return TableUpdates.builder().modifyDiff("K", uuid, Row.of("int", Atom.integer(value))).build();
    }

    private static TableUpdates insertBoth() {
        return TableUpdates.builder().insert("K", A, Row.empty()).insert("K", B, Row.empty()).build();
    }

    @Test
    void deliversInOrderOneAtATimeEvenOnAThreadPool() {
        TableCache cache = cache(pool);
        int updates = 500;
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        cache.addListener(event -> {
            if (inFlight.incrementAndGet() != 1) {
                overlapped.set(true);
            }
            if (event instanceof RowEvent.Modified m) {
                seen.add(((org.ovsqos.ovsdb.notation.IntegerAtom) m.newRow().get("int")).value());
            }
            inFlight.decrementAndGet();
        });

        cache.apply(insertBoth());
        for (int i = 1; i <= updates; i++) {
            cache.apply(setInt(A, i));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == updates);
        assertThat(seen).isSorted().doesNotHaveDuplicates();
        assertThat(overlapped).isFalse();
    }

    @Test
    void aListenerSeesOnlyUpdatesAppliedAfterItWasAdded() {
        TableCache cache = cache(Runnable::run);
        cache.apply(insertBoth());
        RecordingListener late = new RecordingListener();
        cache.addListener(late);
        cache.apply(setInt(A, 5));
        assertThat(late.events()).singleElement().isInstanceOf(RowEvent.Modified.class);
    }

    @Test
    void replaysExistingRowsToANewListenerBeforeLaterEvents() {
        TableCache cache = cache(pool);
        cache.apply(insertBoth());
        ConcurrentLinkedQueue<RowEvent> seen = new ConcurrentLinkedQueue<>();
        cache.addListener(seen::add, true);
        cache.apply(setInt(B, 9));

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 3);
        List<RowEvent> events = List.copyOf(seen);
        assertThat(events.subList(0, 2)).allMatch(e -> e instanceof RowEvent.Inserted)
                .extracting(RowEvent::uuid).containsExactlyInAnyOrder(A, B);
        assertThat(events.get(2)).isInstanceOfSatisfying(RowEvent.Modified.class, m -> assertThat(m.uuid()).isEqualTo(B));
    }

    @Test
    void stopsDeliveringToAClosedListener() {
        TableCache cache = cache(Runnable::run);
        RecordingListener listener = new RecordingListener();
        Registration registration = cache.addListener(listener);
        cache.apply(insertBoth());
        registration.close();
        cache.apply(setInt(A, 1));
        assertThat(listener.batches).hasSize(1);
    }

    @Test
    void aListenerMayCloseItselfMidBatch() {
        TableCache cache = cache(Runnable::run);
        List<RowEvent> seen = new ArrayList<>();
        Registration[] self = new Registration[1];
        self[0] = cache.addListener(event -> {
            seen.add(event);
            self[0].close();
        });
        cache.apply(insertBoth());
        assertThat(seen).hasSize(1);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersOrLaterEvents() {
        TableCache cache = cache(pool);
        AtomicInteger thrown = new AtomicInteger();
        cache.addListener(event -> {
            thrown.incrementAndGet();
            throw new IllegalStateException("listener bug");
        });
        ConcurrentLinkedQueue<RowEvent> seen = new ConcurrentLinkedQueue<>();
        cache.addListener(seen::add);
        cache.apply(insertBoth());
        cache.apply(setInt(A, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 3);
        // The failing listener was called, and kept being called, for every event.
        assertThat(thrown).hasValue(3);
    }

    @Test
    void readersNeverSeeHalfAnUpdate() throws InterruptedException {
        TableCache cache = cache(Runnable::run);
        cache.apply(insertBoth());
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger torn = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch readersStarted = new CountDownLatch(2);
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Thread reader = new Thread(() -> {
                readersStarted.countDown();
                while (!done.get()) {
                    Map<UUID, Row> rows = cache.rows("K");
                    if (!rows.get(A).get("int").equals(rows.get(B).get("int"))) {
                        torn.incrementAndGet();
                    }
                    reads.incrementAndGet();
                }
            });
            reader.start();
            readers.add(reader);
        }
        assertThat(readersStarted.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 20_000; i++) {
            cache.apply(TableUpdates.builder()
                    .modifyDiff("K", A, Row.of("int", Atom.integer(i)))
                    .modifyDiff("K", B, Row.of("int", Atom.integer(i)))
                    .build());
        }
        done.set(true);
        for (Thread reader : readers) {
            reader.join(10_000);
        }
        assertThat(reads.get()).isPositive();
        assertThat(torn.get()).isZero();
        assertThat(cache.row("K", A).orElseThrow().get("int")).isEqualTo(Atom.integer(20_000));
    }

    @Test
    void snapshotsDoNotChangeAfterLaterUpdates() {
        TableCache cache = cache(Runnable::run);
        cache.apply(insertBoth());
        CacheSnapshot before = cache.snapshot();
        Map<UUID, Row> rowsBefore = cache.rows("K");
        cache.apply(setInt(A, 3));
        cache.apply(TableUpdates.builder().delete("K", B, Row.empty()).build());
        assertThat(before.rows("K")).containsOnlyKeys(A, B);
        assertThat(rowsBefore.get(A).get("int")).isEqualTo(Atom.integer(0));
        assertThat(cache.snapshot().rows("K")).containsOnlyKeys(A);
        assertThat(before.size()).isEqualTo(2);
    }
}
