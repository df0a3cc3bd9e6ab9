package org.ovsqos.daemon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.daemon.engine.GovernorHarness.BASE;
import static org.ovsqos.daemon.engine.GovernorHarness.STAGE1;
import static org.ovsqos.daemon.engine.GovernorHarness.config;
import static org.ovsqos.daemon.engine.Rows.inserted;
import static org.ovsqos.daemon.engine.Rows.modified;
import static org.ovsqos.daemon.engine.Rows.uuid;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.policy.Limit;

/**
 * A reload that stops managing an interface hands it back: its base limit written once, its
 * record dropped, and nothing written to it afterwards, whatever happens to its row.
 */
class GovernorHandBackTest {
    private static final QosConfig EXCLUDING = config(", \"exclude_regexes\": [\"^kvm101\\\\.\"]");
    private static final QosConfig NOT_MATCHING = config(", \"iface_name_regexes\": [\"^kvm2\"]");
    private static final Limit MANUAL = new Limit(123, 45);

    private final GovernorHarness h = new GovernorHarness(false);

    @Test
    void excludingAPenalisedInterfaceWritesItsBaseOnceAndThenLeavesItAlone() {
        h.connect();
        h.driveIntoStage1(uuid(1), "kvm101.0");
        int before = h.effects.batches.size();

        h.governor.adopt(EXCLUDING);

        assertThat(h.effects.batches).hasSize(before + 1);
        assertThat(h.effects.lastBatch()).containsExactly(new LimitWrite(uuid(1), "kvm101.0", BASE));
        assertThat(h.governor.book().state("kvm101.0")).isEmpty();
        // Its echo, then an operator's own limit: neither is answered, at once or at a tick.
        h.governor.onEvent(modified(uuid(1), "kvm101.0", 0, STAGE1, 0, BASE));
        h.governor.onEvent(modified(uuid(1), "kvm101.0", 0, BASE, 0, MANUAL));
        for (int i = 0; i < 5; i++) {
            h.thread.advance(Duration.ofSeconds(1));
            h.governor.tick();
            h.thread.runDue();
        }
        assertThat(h.effects.batches).hasSize(before + 1);
    }

    @Test
    void anInterfaceNoLongerMatchedIsHandedBackLikeAnExcludedOne() {
        h.connect();
        h.driveIntoStage1(uuid(1), "kvm101.0");

        h.governor.adopt(NOT_MATCHING);

        assertThat(h.effects.lastBatch()).containsExactly(new LimitWrite(uuid(1), "kvm101.0", BASE));
        assertThat(h.governor.desired()).doesNotContainKey("kvm101.0");
    }

    @Test
    void anInterfaceAlreadyAtItsBaseIsNotWritten() {
        h.connect();
        h.governor.onEvent(inserted(uuid(1), "kvm101.0", 0, BASE));
        h.thread.advance(Duration.ofSeconds(1));

        h.governor.adopt(EXCLUDING);
        h.thread.advance(Duration.ofSeconds(1));

        assertThat(h.effects.batches).isEmpty();
    }

    @Test
    void aHandBackOwedWhileOvsdbIsDownIsWrittenOnceItIsBack() {
        h.connect();
        h.driveIntoStage1(uuid(1), "kvm101.0");
        int before = h.effects.batches.size();
        h.disconnect();

        h.governor.adopt(EXCLUDING);
        h.thread.advance(Duration.ofSeconds(1));
        assertThat(h.effects.batches).hasSize(before);

        h.connect();
        h.thread.runDue();
        assertThat(h.effects.batches).hasSize(before + 1);
        assertThat(h.effects.lastBatch()).containsExactly(new LimitWrite(uuid(1), "kvm101.0", BASE));
        h.connect(); // a later resynchronisation reconciles only what is managed
        h.thread.advance(Duration.ofSeconds(2));
        assertThat(h.effects.batches).hasSize(before + 1);
    }

    @Test
    void aFailedHandBackIsRetriedUntilOvsdbCommitsIt() {
        h.connect();
        h.driveIntoStage1(uuid(1), "kvm101.0");
        h.effects.hold = true;

        h.governor.adopt(EXCLUDING);
        h.effects.unanswered.get(0).completeExceptionally(new IllegalStateException("test: transaction failed"));
        h.thread.runDue();
        h.thread.advance(LimitReconciler.RETRY_AFTER);
        h.thread.runDue();

        List<LimitWrite> retried = h.effects.lastBatch();
        assertThat(retried).containsExactly(new LimitWrite(uuid(1), "kvm101.0", BASE));
        assertThat(h.effects.unanswered).hasSize(2);
    }

    @Test
    void aReloadThatManagesItAgainTakesItOnAfresh() {
        h.connect();
        h.driveIntoStage1(uuid(1), "kvm101.0");
        h.governor.adopt(EXCLUDING);
        h.thread.runDue(); // OVSDB's reply
        h.governor.onEvent(modified(uuid(1), "kvm101.0", 0, STAGE1, 0, BASE));
        h.governor.onEvent(modified(uuid(1), "kvm101.0", 0, BASE, 0, MANUAL));
        h.thread.advance(LimitReconciler.ECHO_WAIT);
        int before = h.effects.batches.size();

        h.governor.adopt(config(""));

        assertThat(h.effects.batches).hasSize(before + 1);
        assertThat(h.effects.lastBatch()).containsExactly(new LimitWrite(uuid(1), "kvm101.0", BASE));
        assertThat(h.governor.desired()).containsEntry("kvm101.0", BASE);
    }

    @Test
    void dryRunAnnouncesTheHandBackButWritesNothing() {
        GovernorHarness dry = new GovernorHarness(true);
        dry.connect();
        dry.governor.onEvent(inserted(uuid(1), "kvm101.0", 0, STAGE1));
        dry.thread.advance(Duration.ofSeconds(1));

        try (LogCapture log = LogCapture.of(Governor.class)) {
            dry.governor.adopt(EXCLUDING);
            dry.thread.advance(Duration.ofSeconds(2));

            assertThat(dry.effects.batches).isEmpty();
            assertThat(log.lines()).containsOnlyOnce(
                    "iface=kvm101.0 event=unmanaged limit_kbps=100000 burst_kb=10000 action=would-set-base dry_run=true",
                    "iface=kvm101.0 action=would-set limit_kbps=100000 burst_kb=10000 dry_run=true");
        }
    }
}
