package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ovsqos.ovsdb.client.FakeDatabase.DB;
import static org.ovsqos.ovsdb.client.FakeDatabase.json;
import static org.ovsqos.ovsdb.client.FakeDatabase.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.OvsdbTimeoutException;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.monitor.MonitorUpdate;
import org.ovsqos.ovsdb.operation.Operation;
import org.ovsqos.ovsdb.operation.OperationResult;
import org.ovsqos.ovsdb.testing.FakeOvsdbServer;
import org.ovsqos.ovsdb.testing.FakeOvsdbServer.Script;

/** What goes over the wire, and what a misbehaving server gets, seen from a fake server. */
class OvsdbClientTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    private final FakeDatabase db = new FakeDatabase();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private FakeOvsdbServer server;
    private OvsdbClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void cancellingATransactSendsACancelNotificationNamingItsRequestId() throws Exception {
        connect(c -> {
            received.add(db.next(c, 0));
            received.add(db.next(c, 0));
            c.awaitClientClose();
        }, OvsdbOptions.defaults());
        CompletableFuture<List<OperationResult>> pending = client.transact(DB, Operation.comment("hold"));
        await().atMost(WITHIN).until(() -> received.size() == 1);

        pending.cancel(false);

        await().atMost(WITHIN).until(() -> received.size() == 2);
        JsonNode cancel = received.get(1);
        assertThat(cancel.path("method").asText()).isEqualTo("cancel");
        assertThat(cancel.get("id").isNull()).isTrue();
        assertThat(cancel.get("params")).containsExactly(received.get(0).get("id"));
        assertThat(pending).isCancelled();
    }

    @Test
    void aCallThatTimesOutIsCancelledOnTheServer() throws Exception {
        connect(c -> {
            received.add(db.next(c, 0));
            received.add(db.next(c, 0));
            c.awaitClientClose();
        }, OvsdbOptions.builder().callTimeout(Duration.ofMillis(50)).build());

        CompletableFuture<List<OperationResult>> pending = client.transact(DB, List.of());

        assertThat(pending).failsWithin(WITHIN).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(OvsdbTimeoutException.class);
        await().atMost(WITHIN).until(() -> received.size() == 2);
        assertThat(received.get(1).path("method").asText()).isEqualTo("cancel");
        assertThat(received.get(1).get("params")).containsExactly(received.get(0).get("id"));
    }

    @Test
    void sendsTheRfcShapesOfTheLockAndMonitorRequests() throws Exception {
        connect(c -> {
            for (JsonNode r = db.next(c, 0); r != null; r = db.next(c, 0)) {
                received.add(r);
                c.reply(r, r.path("method").asText().startsWith("lock") ? json("{\"locked\":true}") : json("{}"));
            }
        }, OvsdbOptions.defaults());

        client.lock("L").get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        client.unlock("L").get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        client.setDbChangeAware(true).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        client.monitorCancel(TextNode.valueOf("m")).get(WITHIN.toSeconds(), TimeUnit.SECONDS);

        assertThat(received).extracting(r -> r.path("method").asText() + " " + r.get("params"))
                .containsExactly("lock [\"L\"]", "unlock [\"L\"]", "set_db_change_aware [true]", "monitor_cancel [\"m\"]");
    }

    @Test
    void repliesOfTheWrongShapeAreProtocolErrors() throws Exception {
        connect(c -> {
            c.reply(db.next(c, 0), json("{\"dbs\":[]}"));
            c.reply(db.next(c, 0), json("{\"locked\":\"yes\"}"));
            c.reply(db.next(c, 0), json("{\"locked\":false}"));
            c.awaitClientClose();
        }, OvsdbOptions.defaults());

        assertThat(failure(client.listDbs())).isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("list_dbs");
        assertThat(failure(client.lock("L"))).isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("locked");
        assertThat(failure(client.steal("L"))).isInstanceOf(OvsdbProtocolException.class);
        assertThat(client.session().state()).isEqualTo(SessionState.CONNECTED);
    }

    @Test
    void lockNotificationsReachTheListenersAndMalformedOnesAreDropped() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        connect(c -> {
            JsonNode lock = db.next(c, 0);
            c.reply(lock, json("{\"locked\":false}"));
            notification(c, "locked", "[42]");
            notification(c, "stolen", "[\"L\"]");
            notification(c, "locked", "[\"L\"]");
            c.awaitClientClose();
        }, OvsdbOptions.defaults());
        client.addLockListener(new LockListener() {
            @Override
            public void locked(String lockId) {
                events.add("locked " + lockId);
            }

            @Override
            public void stolen(String lockId) {
                events.add("stolen " + lockId);
            }
        });

        assertThat(client.lock("L").get(WITHIN.toSeconds(), TimeUnit.SECONDS)).isFalse();

        await().atMost(WITHIN).until(() -> events.size() == 2);
        assertThat(events).containsExactly("stolen L", "locked L");
    }

    @Test
    void monitorListenersHearTheirMonitorsButNotAReplicasOrMalformedUpdates() throws Exception {
        List<MonitorUpdate> updates = new CopyOnWriteArrayList<>();
        String a = "aaaaaaaa-0000-4000-8000-000000000001";
        connect(c -> {
            JsonNode replicaMonitor = db.next(c, 0);
            c.reply(replicaMonitor, json("[false,\"00000000-0000-0000-0000-000000000000\",{}]"));
            JsonNode own = db.next(c, 0);
            c.reply(own, json("{}"));
            notification(c, "update3", "[" + replicaMonitor.at("/params/1")
                    + ",\"00000000-0000-0000-0000-000000000000\",{\"T\":{\"" + a + "\":{\"insert\":{\"n\":1}}}}]");
            notification(c, "update2", "[\"mine\",{\"T\":{\"" + a + "\":{\"bogus\":{}}}}]");
            notification(c, "update2", "[\"mine\",{\"T\":{\"" + a + "\":{\"insert\":{\"n\":2}}}}]");
            c.awaitClientClose();
        }, OvsdbOptions.defaults());
        client.addMonitorListener(updates::add);
        Replica replica = client.replicate(DB, Map.of("T", MonitorRequest.allColumns()), Runnable::run);
        replica.firstSync().get(WITHIN.toSeconds(), TimeUnit.SECONDS);

        client.monitorCond(DB, TextNode.valueOf("mine"), Map.of("T", List.of(MonitorRequest.allColumns())))
                .get(WITHIN.toSeconds(), TimeUnit.SECONDS);

        await().atMost(WITHIN).until(() -> !updates.isEmpty());
        assertThat(updates).singleElement().satisfies(u -> {
            assertThat(u.monitorId()).isEqualTo(TextNode.valueOf("mine"));
            assertThat(u.updates().rowCount()).isEqualTo(1);
        });
        assertThat(replica.cache().rows("T")).hasSize(1);
    }

    private void connect(Script script, OvsdbOptions options) throws Exception {
        server = FakeOvsdbServer.start(script);
        client = OvsdbClient.create(server.endpoint(), options).start();
        client.session().whenConnected().get(WITHIN.toSeconds(), TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<?> future) {
        assertThat(future).failsWithin(WITHIN);
        return future.handle((v, e) -> e).join();
    }
}
