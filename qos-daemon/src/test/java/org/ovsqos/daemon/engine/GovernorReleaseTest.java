package org.ovsqos.daemon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.daemon.engine.GovernorHarness.BASE;
import static org.ovsqos.daemon.engine.GovernorHarness.STAGE1;
import static org.ovsqos.daemon.engine.Rows.inserted;
import static org.ovsqos.daemon.engine.Rows.uuid;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.ovsqos.daemon.admin.CommandPendingException;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.operation.CountResult;
import org.ovsqos.ovsdb.operation.OperationResult;

/** {@code ovs-qos release} answers once OVSDB has committed the base limit, or says the write is pending. */
class GovernorReleaseTest {
    private final GovernorHarness h = new GovernorHarness(false);

    @Test
    void answersOnlyOnceOvsdbHasCommittedTheWrite() {
        h.connect();
        h.driveIntoStage1(uuid(1), "kvm101.0");
        h.effects.hold = true;

        CompletableFuture<String> released = h.governor.release("kvm101.0");

        assertThat(h.effects.lastBatch()).containsExactly(new LimitWrite(uuid(1), "kvm101.0", BASE));
        assertThat(released).isNotDone();
        h.effects.unanswered.get(0).complete(List.of(new CountResult(1), new CountResult(1)));
        assertThat(released).isCompletedWithValue("released kvm101.0: back to stage 0 at 100000 kbps");
    }

    @Test
    void saysTheWriteIsPendingWhenTheTransactionFails() {
        h.connect();
        h.driveIntoStage1(uuid(1), "kvm101.0");
        h.effects.hold = true;

        CompletableFuture<String> released = h.governor.release("kvm101.0");
        h.effects.unanswered.get(0).completeExceptionally(new OvsdbConnectionException("test: connection lost"));

        assertThat(pendingMessage(released)).startsWith("released kvm101.0 in the daemon (stage 0 at 100000 kbps), "
                + "but the write is pending: the write to OVSDB failed (test: connection lost) and is retried");
    }

    @Test
    void saysTheWriteIsPendingWhenItsRowWentAwayMeanwhile() {
        h.connect();
        h.driveIntoStage1(uuid(1), "kvm101.0");
        h.effects.hold = true;

        CompletableFuture<String> released = h.governor.release("kvm101.0");
        h.effects.unanswered.get(0).complete(List.<OperationResult>of(new CountResult(0), new CountResult(0)));

        assertThat(pendingMessage(released)).contains("the interface's row changed before the write");
    }

    @Test
    void saysTheWriteIsPendingWhileOvsdbIsDown() {
        h.connect();
        h.driveIntoStage1(uuid(1), "kvm101.0");
        int before = h.effects.batches.size();
        h.disconnect();

        CompletableFuture<String> released = h.governor.release("kvm101.0");

        assertThat(h.effects.batches).hasSize(before);
        assertThat(pendingMessage(released)).contains("the write is pending: OVSDB is disconnected (unix:/test/db.sock); "
                + "it is written once OVSDB is back");
        assertThat(h.governor.book().state("kvm101.0").orElseThrow().tier()).isZero();
    }

    @Test
    void saysTheWriteIsPendingInADryRun() {
        GovernorHarness dry = new GovernorHarness(true);
        dry.connect();
        dry.governor.onEvent(inserted(uuid(1), "kvm101.0", 0, STAGE1));
        saturateIntoStage1(dry);

        CompletableFuture<String> released = dry.governor.release("kvm101.0");

        assertThat(pendingMessage(released)).endsWith("but the write is pending: dry run, OVSDB is never written");
        assertThat(dry.effects.batches).isEmpty();
    }

    @Test
    void answersAtOnceWhenTheRowHoldsItsBaseAlready() {
        h.connect();
        h.driveIntoStage1(uuid(1), "kvm101.0");
        // Someone else set the base meanwhile: there is nothing left to write.
        h.governor.onEvent(Rows.modified(uuid(1), "kvm101.0", 0, STAGE1, 0, BASE));
        int before = h.effects.batches.size();

        CompletableFuture<String> released = h.governor.release("kvm101.0");

        assertThat(released).isCompletedWithValue("released kvm101.0: back to stage 0 at 100000 kbps");
        assertThat(h.effects.batches).hasSize(before);
    }

    private static void saturateIntoStage1(GovernorHarness g) {
        long rx = 0;
        for (int second = 0; second < 4; second++) {
            long before = rx;
            rx += 95_000_000 / 8;
            g.clock.advance(Duration.ofSeconds(1));
            g.governor.onEvent(Rows.modified(uuid(1), "kvm101.0", before, STAGE1, rx, STAGE1));
            g.governor.tick();
            g.thread.runDue();
        }
        assertThat(g.governor.book().state("kvm101.0").orElseThrow().tier()).isEqualTo(1);
    }

    private static String pendingMessage(CompletableFuture<String> answer) {
        assertThat(answer).isCompletedExceptionally();
        try {
            answer.join();
            throw new AssertionError("completed normally");
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(CommandPendingException.class);
            return e.getCause().getMessage();
        }
    }
}
