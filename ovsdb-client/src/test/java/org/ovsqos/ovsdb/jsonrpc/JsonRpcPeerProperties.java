package org.ovsqos.ovsdb.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbTimeoutException;
import org.ovsqos.ovsdb.testing.FakeTransport;
import org.ovsqos.ovsdb.testing.ManualScheduler;
import org.ovsqos.ovsdb.testing.Seeds;

/**
 * Random interleavings of calls, answers (in any order, duplicated, unknown, late), clock steps,
 * cancellations and a close, checked against a model after every step: each call ends exactly
 * once, with its own answer or the right failure, and anomalies are counted exactly. One seeded
 * random sequence per case, so a failing seed can be replayed.
 */
class JsonRpcPeerProperties {

    private static final int MAX_ACTIONS = 80;

    sealed interface Action permits Call, Answer, AnswerUnknown, Advance, Cancel, Close {
    }

    record Call(int timeoutMillis) implements Action {
    }

    /** Answers the call at {@code pick} (modulo the calls made), whatever state it is in. */
    record Answer(int pick) implements Action {
    }

    record AnswerUnknown() implements Action {
    }

    record Advance(int millis) implements Action {
    }

    record Cancel(int pick) implements Action {
    }

    record Close() implements Action {
    }

    static LongStream seeds() {
        return Seeds.of(400);
    }

    /** Weighted like a busy connection: mostly calls and answers, some time, rare trouble. */
    static List<Action> actions(Random random) {
        List<Action> actions = new ArrayList<>();
        int count = random.nextInt(MAX_ACTIONS + 1);
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(16);
            if (roll < 5) {
                actions.add(new Call(1 + random.nextInt(1000)));
            } else if (roll < 10) {
                actions.add(new Answer(random.nextInt(1000)));
            } else if (roll < 11) {
                actions.add(new AnswerUnknown());
            } else if (roll < 14) {
                actions.add(new Advance(random.nextInt(601)));
            } else if (roll < 15) {
                actions.add(new Cancel(random.nextInt(1000)));
            } else {
                actions.add(new Close());
            }
        }
        return actions;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyCallEndsOnceWithItsOwnOutcome(long seed) {
        List<Action> actions = actions(new Random(seed));
        Model model = new Model();
        for (Action action : actions) {
            model.apply(action);
            model.check();
        }
        model.peer.close();
        model.closed = true;
        model.check();
    }

    /** The peer under test, and what it should have done. */
    private static final class Model {
        final FakeTransport transport = new FakeTransport();
        final ManualScheduler scheduler = new ManualScheduler();
        final JsonRpcPeer peer = new JsonRpcPeer("model", transport, scheduler, (m, p) -> { });
        final List<CompletableFuture<JsonNode>> futures = new ArrayList<>();
        final List<Long> deadlines = new ArrayList<>();
        final Set<Integer> answered = new HashSet<>();
        /** Calls given up on (timed out, cancelled) whose one late answer is still excused. */
        final Set<Integer> excused = new HashSet<>();
        final Set<Integer> timedOut = new HashSet<>();
        long nowMillis;
        long expectedAnomalies;
        boolean closed;

        void apply(Action action) {
            if (action instanceof Call call) {
                int index = futures.size();
                futures.add(peer.call("echo", JsonNodeFactory.instance.arrayNode().add(index),
                        Duration.ofMillis(call.timeoutMillis())));
                deadlines.add(nowMillis + call.timeoutMillis());
            } else if (action instanceof Answer answer && !futures.isEmpty()) {
                int index = answer.pick() % futures.size();
                if (!closed) {
                    boolean pending = !futures.get(index).isDone();
                    if (pending) {
                        answered.add(index);
                    } else if (!excused.remove(index)) {
                        expectedAnomalies++;
                    }
                }
                peer.receive(response(index));
            } else if (action instanceof AnswerUnknown) {
                if (!closed) {
                    expectedAnomalies++;
                }
                peer.receive(response(1_000_000));
            } else if (action instanceof Advance advance) {
                nowMillis += advance.millis();
                scheduler.advance(Duration.ofMillis(advance.millis()));
            } else if (action instanceof Cancel cancel && !futures.isEmpty()) {
                int index = cancel.pick() % futures.size();
                // cancel() also answers true for a future cancelled before: only the first counts.
                if (!futures.get(index).isDone() && futures.get(index).cancel(false)) {
                    excused.add(index);
                }
            } else if (action instanceof Close) {
                peer.close(new OvsdbConnectionException("model closes"));
                closed = true;
            }
            // Timeouts that fell due during this step excuse one late answer each.
            for (int i = 0; i < futures.size(); i++) {
                if (failedWith(futures.get(i), OvsdbTimeoutException.class) && timedOut.add(i)) {
                    excused.add(i);
                }
            }
        }

        void check() {
            int notDone = 0;
            for (int i = 0; i < futures.size(); i++) {
                CompletableFuture<JsonNode> future = futures.get(i);
                if (!future.isDone()) {
                    notDone++;
                    assertThat(closed).as("call %d open after close", i).isFalse();
                    assertThat(deadlines.get(i)).as("call %d outlived its timeout", i).isGreaterThan(nowMillis);
                } else if (!future.isCompletedExceptionally()) {
                    assertThat(future.join().get(0).asInt()).as("call %d got another call's answer", i).isEqualTo(i);
                    assertThat(answered).contains(i);
                } else if (!future.isCancelled()) {
                    Throwable failure = cause(future);
                    assertThat(failure).isInstanceOfAny(OvsdbTimeoutException.class, OvsdbConnectionException.class);
                }
            }
            assertThat(peer.pendingCalls()).isEqualTo(notDone);
            assertThat(peer.protocolAnomalies()).isEqualTo(expectedAnomalies);
            assertThat(scheduler.liveTasks()).as("a timer per pending call, no more").isEqualTo(notDone);
        }

        private static ObjectNode response(int index) {
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            response.put("id", index);
            response.set("result", JsonNodeFactory.instance.arrayNode().add(index));
            response.putNull("error");
            return response;
        }

        private static boolean failedWith(CompletableFuture<?> future, Class<? extends Throwable> type) {
            return future.isCompletedExceptionally() && !future.isCancelled() && type.isInstance(cause(future));
        }

        private static Throwable cause(CompletableFuture<?> future) {
            try {
                future.join();
                return null;
            } catch (CompletionException e) {
                return e.getCause();
            }
        }
    }
}
