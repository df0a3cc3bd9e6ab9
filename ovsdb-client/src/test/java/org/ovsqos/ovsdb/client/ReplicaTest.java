package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ovsqos.ovsdb.client.FakeDatabase.DB;
import static org.ovsqos.ovsdb.client.FakeDatabase.error;
import static org.ovsqos.ovsdb.client.FakeDatabase.json;
import static org.ovsqos.ovsdb.client.FakeDatabase.notification;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.cache.RowEvent;
import org.ovsqos.ovsdb.cache.RowListener;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.monitor.MonitorRequests;
import org.ovsqos.ovsdb.monitor.Where;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.IntegerAtom;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.notation.StringAtom;
import org.ovsqos.ovsdb.testing.FakeOvsdbServer;
import org.ovsqos.ovsdb.testing.FakeOvsdbServer.Script;

/**
 * The replica against an in-process fake server, for what a real ovsdb-server 3.1 cannot be made
 * to do: forget monitor_cond_since, answer found=true, send an update that contradicts the cache.
 */
class ReplicaTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final OvsdbOptions OPTIONS = OvsdbOptions.builder()
            .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(100), 0.5).build();
    private static final String A = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String B = "bbbbbbbb-0000-4000-8000-000000000002";
    private static final String C = "cccccccc-0000-4000-8000-000000000003";
    private static final String T1 = "11111111-0000-4000-8000-000000000000";
    private static final String T2 = "22222222-0000-4000-8000-000000000000";
    private static final String T3 = "33333333-0000-4000-8000-000000000000";

    private final FakeDatabase db = new FakeDatabase();
    private final ExecutorService events = Executors.newSingleThreadExecutor();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger syncs = new AtomicInteger();
    private FakeOvsdbServer server;
    private OvsdbClient client;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        events.shutdown();
        assertThat(events.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void fallsBackToMonitorCondThenMonitorAndRemembersWhatTheServerKnows() throws Exception {
        Script first = c -> {
            error(c, db.next(c, 0), "unknown method");
            error(c, db.next(c, 0), "unknown method");
            JsonNode monitor = db.next(c, 0);
            c.reply(monitor, json("{\"T\":{\"" + A + "\":{\"new\":{\"name\":\"a\",\"n\":1}}}}"));
            notification(c, "update", "[" + monitor.at("/params/1") + ",{\"T\":{\"" + B
                    + "\":{\"new\":{\"name\":\"b\",\"n\":2}}}}]");
            c.close();
        };
        Script second = c -> {
            c.reply(db.next(c, 1), json("{\"T\":{\"" + A + "\":{\"new\":{\"name\":\"a\",\"n\":10}},\""
                    + C + "\":{\"new\":{\"name\":\"c\",\"n\":3}}}}"));
            c.awaitClientClose();
        };
        Replica replica = replicate(first, second);

        await().atMost(WITHIN).until(() -> syncs.get() == 2);

        assertThat(db.methods.get(0)).containsExactly("get_schema", "monitor_cond_since", "monitor_cond", "monitor");
        assertThat(db.methods.get(1)).containsExactly("get_schema", "monitor");
        assertThat(replica.method()).isEqualTo(MonitorMethod.MONITOR);
        assertThat(names(replica)).containsExactlyInAnyOrder("a:10", "c:3");
        assertThat(seen).containsExactly("insert a:1", "insert b:2", "delete b:2", "modify a:10", "insert c:3");
    }

    @Test
    void monitorCondSinceFoundAppliesOnlyTheChangesSinceTheLastTransactionToTheKeptRows() throws Exception {
        List<JsonNode> asked = new CopyOnWriteArrayList<>();
        Script first = c -> {
            JsonNode since = db.next(c, 0);
            asked.add(since.at("/params/3"));
            c.reply(since, json("[false,\"" + T1 + "\",{\"T\":{\"" + A + "\":{\"initial\":{\"name\":\"a\",\"n\":1}},\""
                    + B + "\":{\"initial\":{\"name\":\"b\",\"n\":2}}}}]"));
            notification(c, "update3", "[" + since.at("/params/1") + ",\"" + T2 + "\",{\"T\":{\"" + A
                    + "\":{\"modify\":{\"n\":5}}}}]");
            c.close();
        };
        Script second = c -> {
            JsonNode since = db.next(c, 1);
            asked.add(since.at("/params/3"));
            c.reply(since, json("[true,\"" + T3 + "\",{\"T\":{\"" + B + "\":{\"delete\":null},\""
                    + C + "\":{\"insert\":{\"name\":\"c\",\"n\":3}}}}]"));
            c.awaitClientClose();
        };
        Replica replica = replicate(first, second);

        await().atMost(WITHIN).until(() -> syncs.get() == 2);

        assertThat(asked).extracting(JsonNode::asText).containsExactly(MonitorRequests.NO_TXN_ID.toString(), T2);
        assertThat(names(replica)).containsExactlyInAnyOrder("a:5", "c:3");
        assertThat(seen).as("after the reconnect, only the changes since " + T2)
                .containsExactly("insert a:1", "insert b:2", "modify a:5", "delete b:2", "insert c:3");
        assertThat(replica.lastTxnId()).contains(UUID.fromString(T3));
        assertThat(replica.method()).isEqualTo(MonitorMethod.MONITOR_COND_SINCE);
    }

    @Test
    void anUpdateTheCacheRejectsForcesAResubscriptionAndStaleUpdatesAreIgnored() throws Exception {
        List<JsonNode> requests = new CopyOnWriteArrayList<>();
        Script script = c -> {
            JsonNode first = db.next(c, 0);
            JsonNode firstId = first.at("/params/1");
            c.reply(first, json("[false,\"" + T1 + "\",{\"T\":{\"" + A + "\":{\"initial\":{\"name\":\"a\",\"n\":1}}}}]"));
            // A change to a row the client never had: the cache must refuse it, whole.
            notification(c, "update3", "[" + firstId + ",\"" + T2 + "\",{\"T\":{\"" + A + "\":{\"modify\":{\"n\":7}},\""
                    + C + "\":{\"modify\":{\"n\":1}}}}]");
            JsonNode cancel = db.next(c, 0);
            requests.add(cancel);
            c.reply(cancel, json("{}"));
            JsonNode again = db.next(c, 0);
            requests.add(again);
            // Words of the dropped monitor, still in flight: they must not count.
            notification(c, "update3", "[" + firstId + ",\"" + T3 + "\",{\"T\":{\"" + C
                    + "\":{\"insert\":{\"name\":\"stale\",\"n\":9}}}}]");
            c.reply(again, json("[false,\"" + T3 + "\",{\"T\":{\"" + A + "\":{\"initial\":{\"name\":\"a\",\"n\":2}},\""
                    + B + "\":{\"initial\":{\"name\":\"b\",\"n\":2}}}}]"));
            c.awaitClientClose();
        };
        Replica replica = replicate(script);

        await().atMost(WITHIN).until(() -> syncs.get() == 2);

        assertThat(requests).extracting(r -> r.path("method").asText())
                .containsExactly("monitor_cancel", "monitor_cond_since");
        JsonNode oldId = requests.get(0).at("/params/0");
        assertThat(requests.get(1).at("/params/1")).isNotEqualTo(oldId);
        assertThat(requests.get(1).at("/params/3").asText()).as("resubscribes for everything")
                .isEqualTo(MonitorRequests.NO_TXN_ID.toString());
        assertThat(names(replica)).containsExactlyInAnyOrder("a:2", "b:2");
        assertThat(seen).as("the rejected update left no trace").containsExactly("insert a:1", "modify a:2", "insert b:2");
        assertThat(server.connections()).as("resynchronised without a reconnect").isEqualTo(1);
    }

    @Test
    void aConditionChangeLostWithItsConnectionFollowsAFreshMonitorOfTheAcceptedConditions() throws Exception {
        List<JsonNode> asked = new CopyOnWriteArrayList<>();
        Script first = c -> {
            JsonNode since = db.next(c, 0);
            c.reply(since, json("[false,\"" + T1 + "\",{\"T\":{\"" + A + "\":{\"initial\":{\"name\":\"a\",\"n\":1}}}}]"));
            JsonNode change = db.next(c, 0);
            asked.add(change);
            // Applied, its rows sent, and the connection lost before the reply.
            notification(c, "update3", "[" + since.at("/params/1") + ",\"" + T2 + "\",{\"T\":{\"" + A
                    + "\":{\"delete\":null},\"" + B + "\":{\"insert\":{\"name\":\"b\",\"n\":2}}}}]");
            c.close();
        };
        Script second = c -> {
            JsonNode since = db.next(c, 1);
            asked.add(since);
            c.reply(since, json("[false,\"" + T3 + "\",{\"T\":{\"" + A + "\":{\"initial\":{\"name\":\"a\",\"n\":1}}}}]"));
            JsonNode change = db.next(c, 1);
            asked.add(change);
            notification(c, "update3", "[" + since.at("/params/1") + ",\"" + T3 + "\",{\"T\":{\"" + A
                    + "\":{\"delete\":null},\"" + B + "\":{\"insert\":{\"name\":\"b\",\"n\":2}}}}]");
            c.reply(change, json("{}"));
            c.awaitClientClose();
        };
        Replica replica = replicate(first, second);
        replica.firstSync().get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        Where onlyB = Where.anyOf(Condition.equal("name", Atom.string("b")));

        replica.changeWhere(Map.of("T", onlyB)).get(WITHIN.toSeconds(), TimeUnit.SECONDS);

        assertThat(asked).extracting(r -> r.path("method").asText())
                .containsExactly("monitor_cond_change", "monitor_cond_since", "monitor_cond_change");
        JsonNode resubscribe = asked.get(1);
        assertThat(resubscribe.at("/params/3").asText()).as("the cache may hold rows of unconfirmed conditions")
                .isEqualTo(MonitorRequests.NO_TXN_ID.toString());
        assertThat(resubscribe.at("/params/2/T/0").has("where")).as("the conditions the server accepted").isFalse();
        assertThat(asked.get(2).at("/params/2/T/0/where")).isEqualTo(onlyB.toJson());
        assertThat(names(replica)).containsExactly("b:2");
        assertThat(replica.requests().get("T").where()).isEqualTo(onlyB);
    }

    @Test
    void aMonitorCancelledByTheServerIsMadeAgainWithAFreshSchema() throws Exception {
        Script script = c -> {
            JsonNode first = db.next(c, 0);
            c.reply(first, json("[false,\"" + T1 + "\",{\"T\":{\"" + A + "\":{\"initial\":{\"name\":\"a\",\"n\":1}}}}]"));
            notification(c, "monitor_canceled", "[" + first.at("/params/1") + "]");
            JsonNode cancel = db.next(c, 0);
            error(c, cancel, "unknown monitor");
            c.reply(db.next(c, 0), json("[false,\"" + T2 + "\",{\"T\":{\"" + A
                    + "\":{\"initial\":{\"name\":\"a\",\"n\":1}}}}]"));
            c.awaitClientClose();
        };
        Replica replica = replicate(script);

        await().atMost(WITHIN).until(() -> syncs.get() == 2);

        assertThat(db.methods.get(0)).containsExactly("get_schema", "monitor_cond_since", "monitor_cancel",
                "get_schema", "monitor_cond_since");
        assertThat(seen).as("same content, no events").containsExactly("insert a:1");
        assertThat(replica.lastTxnId()).contains(UUID.fromString(T2));
    }

    @Test
    void theSessionIsConnectedOnlyOnceTheReplicaHoldsTheServersRows() throws Exception {
        List<Integer> rowsWhenConnected = new CopyOnWriteArrayList<>();
        Script script = c -> {
            JsonNode since = db.next(c, 0);
            c.reply(since, json("[false,\"" + T1 + "\",{\"T\":{\"" + A + "\":{\"initial\":{\"name\":\"a\",\"n\":1}}}}]"));
            c.awaitClientClose();
        };
        server = FakeOvsdbServer.start(script);
        client = OvsdbClient.create(server.endpoint(), OPTIONS);
        Replica replica = client.replicate(DB, Map.of("T", MonitorRequest.allColumns()), events);
        client.session().addStateListener(e -> {
            if (e.state() == SessionState.CONNECTED) {
                rowsWhenConnected.add(replica.cache().rows("T").size());
            }
        });
        client.start();

        replica.firstSync().get(WITHIN.toSeconds(), TimeUnit.SECONDS);

        await().atMost(WITHIN).until(() -> !rowsWhenConnected.isEmpty());
        assertThat(rowsWhenConnected).containsExactly(1);
    }

    @Test
    void syncListenersRunAfterTheEventsOfTheirSyncEvenOnAThreadPool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            StringBuilder rows = new StringBuilder("{");
            for (int i = 0; i < 200; i++) {
                rows.append(i == 0 ? "" : ",").append('"').append(new UUID(0xabc, i)).append("\":{\"initial\":{\"n\":")
                        .append(i).append("}}");
            }
            Script script = c -> {
                c.reply(db.next(c, 0), json("[false,\"" + T1 + "\",{\"T\":" + rows + "}}]"));
                c.awaitClientClose();
            };
            server = FakeOvsdbServer.start(script);
            client = OvsdbClient.create(server.endpoint(), OPTIONS);
            Replica replica = client.replicate(DB, Map.of("T", MonitorRequest.allColumns()), pool);
            AtomicInteger delivered = new AtomicInteger();
            replica.cache().addListener(event -> delivered.incrementAndGet());
            List<Integer> deliveredAtSync = new CopyOnWriteArrayList<>();
            replica.addSyncListener(() -> deliveredAtSync.add(delivered.get()));
            client.start();

            replica.firstSync().get(WITHIN.toSeconds(), TimeUnit.SECONDS);

            await().atMost(WITHIN).until(() -> !deliveredAtSync.isEmpty());
            assertThat(deliveredAtSync).containsExactly(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReplicaOfAColumnTheSchemaLacksGivesUpWithoutDisturbingTheSession() throws Exception {
        server = FakeOvsdbServer.start(c -> {
            db.next(c, 0);
            c.awaitClientClose();
        });
        client = OvsdbClient.create(server.endpoint(), OPTIONS).start();

        Replica replica = client.replicate(DB, Map.of("T", MonitorRequest.columns("name", "nope")), events);

        assertThat(replica.firstSync()).failsWithin(WITHIN).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(OvsdbException.class).withMessageContaining("no column nope");
        // The hook that gave up still succeeded: the first connection becomes CONNECTED and stays.
        client.session().whenConnected().get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(client.echo().get(WITHIN.toSeconds(), TimeUnit.SECONDS)).isEmpty();
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void aReplicaMadeWhileConnectedStartsOnTheCurrentConnection() throws Exception {
        server = FakeOvsdbServer.start(c -> {
            c.reply(db.next(c, 0), json("[false,\"" + T1 + "\",{\"T\":{\"" + A
                    + "\":{\"initial\":{\"name\":\"a\",\"n\":1}}}}]"));
            c.awaitClientClose();
        });
        client = OvsdbClient.create(server.endpoint(), OPTIONS).start();
        client.session().whenConnected().get(WITHIN.toSeconds(), TimeUnit.SECONDS);

        Replica replica = client.replicate(DB, Map.of("T", MonitorRequest.allColumns()), events);

        replica.firstSync().get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(names(replica)).containsExactly("a:1");
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void closingBeforeTheFirstSyncFailsIt() {
        client = OvsdbClient.create(new Endpoint.Unix(Path.of("/nonexistent/db.sock")), OPTIONS);
        Replica replica = client.replicate(DB, Map.of("T", MonitorRequest.allColumns()), events);

        replica.close();

        assertThat(replica.firstSync()).failsWithin(WITHIN).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(OvsdbConnectionException.class);
    }

    private Replica replicate(Script... scripts) {
        server = FakeOvsdbServer.start(scripts);
        client = OvsdbClient.create(server.endpoint(), OPTIONS);
        Replica replica = client.replicate(DB, Map.of("T", MonitorRequest.allColumns()), events);
        replica.cache().addListener(new RowListener() {
            @Override
            public void onEvent(RowEvent event) {
                seen.add(describe(event));
            }
        });
        replica.addSyncListener(syncs::incrementAndGet);
        client.start();
        return replica;
    }

    private static List<String> names(Replica replica) {
        return replica.cache().rows("T").values().stream().map(ReplicaTest::nameAndN).toList();
    }

    private static String describe(RowEvent event) {
        if (event instanceof RowEvent.Inserted e) {
            return "insert " + nameAndN(e.row());
        } else if (event instanceof RowEvent.Modified e) {
            return "modify " + nameAndN(e.newRow());
        }
        return "delete " + nameAndN(((RowEvent.Deleted) event).oldRow());
    }

    private static String nameAndN(Row row) {
        return ((StringAtom) row.get("name")).value() + ":" + ((IntegerAtom) row.get("n")).value();
    }
}
