package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ovsqos.ovsdb.client.ClientFixture.VSWITCH;
import static org.ovsqos.ovsdb.client.ClientFixture.WITHIN;
import static org.ovsqos.ovsdb.client.ClientFixture.failure;
import static org.ovsqos.ovsdb.client.ClientFixture.get;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.OvsdbRpcException;
import org.ovsqos.ovsdb.cache.RowEvent;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.monitor.Where;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.Mutation;
import org.ovsqos.ovsdb.notation.OvsdbSet;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.notation.StringAtom;
import org.ovsqos.ovsdb.notation.Value;
import org.ovsqos.ovsdb.operation.Operation;
import org.ovsqos.ovsdb.operation.OperationResult;
import org.ovsqos.ovsdb.operation.SelectResult;
import org.ovsqos.ovsdb.operation.TransactionCodec;
import org.ovsqos.ovsdb.operation.Wait;
import org.ovsqos.ovsdb.schema.TableSchema;
import org.ovsqos.ovsdb.testing.OvsdbServerProcess;

/**
 * The managed replica against a real ovsdb-server 3.1: the first sync, live changes, the server
 * killed and restarted with the database changed while it was down (ovsdb-server 3.1 answers
 * {@code monitor_cond_since} with found=false even then, so the reply replaces the cache), a
 * conditional replica, and close. One server per test: they kill it.
 */
class ReplicaIT {

    private static final List<String> COLUMNS = List.of("name", "statistics", "ingress_policing_rate");

    private final ClientFixture clients = new ClientFixture();
    private final ExecutorService events = Executors.newSingleThreadExecutor();
    /** Row events as "kind name", and "SYNC" after each sync: both arrive on the event executor, in order. */
    private final List<String> log = new CopyOnWriteArrayList<>();
    private OvsdbServerProcess server;

    @BeforeEach
    void startServer() {
        server = OvsdbServerProcess.start();
        server.vsctl("add-br", "br0");
        for (String port : List.of("kvm1.0", "kvm2.0", "kvm3.0")) {
            server.vsctl("add-port", "br0", port);
        }
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        clients.close();
        server.close();
        events.shutdown();
        assertThat(events.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void holdsTheServersRowsAndFollowsEveryChange(Transport transport) {
        OvsdbClient client = clients.connect(transport.of(server));
        Replica replica = replicate(client, Map.of("Interface", MonitorRequest.columns(COLUMNS.toArray(String[]::new))));

        get(replica.firstSync());

        assertThat(replica.method()).isEqualTo(MonitorMethod.MONITOR_COND_SINCE);
        assertThat(log).containsExactlyInAnyOrder("insert br0", "insert kvm1.0", "insert kvm2.0", "insert kvm3.0",
                "SYNC");
        server.vsctl("set", "Interface", "kvm1.0", "statistics:rx_bytes=1000");
        server.vsctl("add-port", "br0", "kvm4.0");
        server.vsctl("del-port", "br0", "kvm2.0");

        await().atMost(WITHIN).untilAsserted(() -> assertThat(log).endsWith(
                "modify kvm1.0", "insert kvm4.0", "delete kvm2.0"));
        assertThat(content(replica)).isEqualTo(select(client));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void comesBackAfterTheServerIsKilledAndConvergesToWhatChangedMeanwhile(Transport transport) {
        OvsdbClient client = clients.connect(transport.of(server), ClientFixture.OPTIONS.toBuilder()
                .callTimeout(Duration.ofMinutes(5)).build());
        Replica replica = replicate(client, Map.of("Interface", MonitorRequest.columns(COLUMNS.toArray(String[]::new))));
        get(replica.firstSync());
        CompletableFuture<List<OperationResult>> pending = client.transact(VSWITCH, Operation.waitUntil("Bridge",
                List.of(), List.of("name"), Wait.Until.EQUAL, List.of()).withTimeout(Duration.ofMinutes(1)));
        get(client.echo()); // the server holds the wait now
        UUID kvm3Port = UUID.fromString(server.vsctl("get", "Port", "kvm3.0", "_uuid").strip());

        server.kill();

        assertThat(failure(pending, OvsdbConnectionException.class)).hasMessageContaining("transact");
        await().atMost(WITHIN).until(() -> client.session().state() != SessionState.CONNECTED);
        OvsTools.transactOffline(server, TransactionCodec.params(VSWITCH, List.of(
                Operation.update("Interface", List.of(Condition.equal("name", Atom.string("kvm1.0"))),
                        Row.of("ingress_policing_rate", Atom.integer(100_000))),
                Operation.mutate("Bridge", List.of(Condition.equal("name", Atom.string("br0"))),
                        Mutation.delete("ports", OvsdbSet.of(Atom.uuid(kvm3Port)))),
                Operation.insert("Interface", Row.of("name", Atom.string("kvm5.0")), "iface"),
                Operation.insert("Port", Row.of("name", Atom.string("kvm5.0"),
                        "interfaces", OvsdbSet.of(Atom.namedUuid("iface"))), "port"),
                Operation.mutate("Bridge", List.of(Condition.equal("name", Atom.string("br0"))),
                        Mutation.insert("ports", OvsdbSet.of(Atom.namedUuid("port")))))));
        log.add("RESTART");
        server.restart();

        await().atMost(WITHIN).until(() -> client.session().state() == SessionState.CONNECTED);
        await().atMost(WITHIN).until(() -> log.lastIndexOf("SYNC") > log.indexOf("RESTART"));
        assertThat(log.subList(log.indexOf("RESTART") + 1, log.lastIndexOf("SYNC")))
                .as("only what changed: the reply replaced the cache, minimally")
                .containsExactlyInAnyOrder("modify kvm1.0", "delete kvm3.0", "insert kvm5.0");
        assertThat(replica.method()).isEqualTo(MonitorMethod.MONITOR_COND_SINCE);

        server.vsctl("set", "Interface", "kvm2.0", "ingress_policing_rate=5000", "statistics:rx_bytes=7");
        await().atMost(WITHIN).untilAsserted(() -> assertThat(content(replica)).isEqualTo(select(client)));
        assertThat(content(replica)).containsKeys("kvm5.0").doesNotContainKey("kvm3.0");
    }

    @Test
    void twoReplicasOnOneClientEachFollowTheirOwnMonitor() {
        OvsdbClient client = clients.connect(server.tcpEndpoint());
        Replica interfaces = replicate(client, Map.of("Interface", MonitorRequest.columns("name")));
        Replica bridges = client.replicate(VSWITCH, Map.of("Bridge", MonitorRequest.columns("name")), events);
        get(interfaces.firstSync());
        get(bridges.firstSync());

        server.vsctl("add-br", "br1");

        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(content(interfaces)).containsKeys("br1", "kvm1.0");
            assertThat(bridges.cache().rows("Bridge").values()).extracting(ReplicaIT::name)
                    .containsExactlyInAnyOrder("br0", "br1");
        });
        assertThat(interfaces.cache().snapshot().tables()).containsOnlyKeys("Interface");
        assertThat(OvsTools.monitors(server)).isEqualTo(2);
    }

    @Test
    void aConditionalReplicaHoldsOnlyTheMatchingRows() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        Replica replica = replicate(client, Map.of("Interface", MonitorRequest.columns("name")
                .withWhere(Where.anyOf(Condition.equal("name", Atom.string("kvm2.0")),
                        Condition.equal("name", Atom.string("kvm9.0"))))));

        get(replica.firstSync());
        server.vsctl("add-port", "br0", "kvm9.0");
        server.vsctl("add-port", "br0", "kvm8.0");

        await().atMost(WITHIN).untilAsserted(() -> assertThat(content(replica)).containsOnlyKeys("kvm2.0", "kvm9.0"));
        get(client.echo()); // any update for kvm8.0 would have come before this reply
        assertThat(content(replica)).containsOnlyKeys("kvm2.0", "kvm9.0");
    }

    @Test
    void changingTheWhereMovesTheReplicaToTheNewRowsOnTheSameMonitor() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        Replica replica = replicate(client, Map.of("Interface", MonitorRequest.columns("name", "statistics")
                .withWhere(Where.anyOf(nameIs("kvm1.0")))));
        get(replica.firstSync());
        log.clear();

        get(replica.changeWhere(Map.of("Interface", Where.anyOf(nameIs("kvm2.0"), nameIs("kvm3.0")))));

        assertThat(log).as("row events, and no new sync: the monitor stayed")
                .containsExactlyInAnyOrder("delete kvm1.0", "insert kvm2.0", "insert kvm3.0");
        assertThat(content(replica)).containsOnlyKeys("kvm2.0", "kvm3.0");
        assertThat(replica.requests().get("Interface").where()).isEqualTo(Where.anyOf(nameIs("kvm2.0"), nameIs("kvm3.0")));
        assertThat(OvsTools.monitors(server)).isEqualTo(1);
        server.vsctl("set", "Interface", "kvm1.0", "statistics:rx_bytes=1");
        server.vsctl("set", "Interface", "kvm3.0", "statistics:rx_bytes=1");
        await().atMost(WITHIN).untilAsserted(() -> assertThat(log).endsWith("modify kvm3.0"));
        get(client.echo());
        assertThat(log).doesNotContain("modify kvm1.0");
    }

    @Test
    void aWhereTheServerRefusesFailsTheCallAndTheReplicaKeepsFollowingTheOldOne() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        Where old = Where.anyOf(nameIs("kvm1.0"), nameIs("kvm5.0"));
        Replica replica = replicate(client, Map.of("Interface", MonitorRequest.columns("name").withWhere(old)));
        get(replica.firstSync());

        OvsdbRpcException refused = failure(replica.changeWhere(Map.of("Interface",
                Where.anyOf(Condition.equal("nope", Atom.string("x"))))), OvsdbRpcException.class);

        assertThat(refused.error()).isEqualTo("unknown column");
        assertThat(replica.requests().get("Interface").where()).isEqualTo(old);
        server.vsctl("add-port", "br0", "kvm5.0");
        await().atMost(WITHIN).untilAsserted(() -> assertThat(content(replica)).containsOnlyKeys("kvm1.0", "kvm5.0"));
        assertThat(log).filteredOn("SYNC"::equals).as("the monitor stayed").hasSize(1);
    }

    @Test
    void aWhereChangedWhileTheServerIsDownReachesItOnTheNextConnection() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        Replica replica = replicate(client, Map.of("Interface", MonitorRequest.columns("name")
                .withWhere(Where.anyOf(nameIs("kvm1.0")))));
        get(replica.firstSync());
        server.kill();
        await().atMost(WITHIN).until(() -> client.session().state() != SessionState.CONNECTED);

        CompletableFuture<Void> changed = replica.changeWhere(Map.of("Interface", Where.anyOf(nameIs("kvm2.0"))));
        assertThat(changed).isNotDone();
        server.restart();

        get(changed);
        assertThat(content(replica)).containsOnlyKeys("kvm2.0");
    }

    @Test
    void closingAReplicaCancelsItsMonitorOnTheServer() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        Replica replica = replicate(client, Map.of("Interface", MonitorRequest.columns("name")));
        get(replica.firstSync());
        assertThat(OvsTools.monitors(server)).isEqualTo(1);

        replica.close();
        get(client.echo()); // after the monitor_cancel, on the same connection
        server.vsctl("add-port", "br0", "kvm7.0");
        get(client.echo());

        assertThat(OvsTools.monitors(server)).isZero();
        assertThat(content(replica)).doesNotContainKey("kvm7.0").containsKey("kvm1.0");
        assertThat(replica.firstSync()).isCompleted();
    }

    @Test
    void aReplicaOfADatabaseTheServerLacksGivesUpAndLeavesTheSessionAlone() {
        OvsdbClient client = clients.connect(server.unixEndpoint());

        Replica replica = client.replicate("Nope", Map.of("Interface", MonitorRequest.columns("name")), events);

        assertThat(failure(replica.firstSync(), OvsdbException.class)).hasMessageContaining("no database Nope");
        assertThat(client.session().state()).isEqualTo(SessionState.CONNECTED);
        assertThat(get(client.listDbs())).contains(VSWITCH);
    }

    private static Condition nameIs(String name) {
        return Condition.equal("name", Atom.string(name));
    }

    private Replica replicate(OvsdbClient client, Map<String, MonitorRequest> requests) {
        Replica replica = client.replicate(VSWITCH, requests, events);
        replica.cache().addListener(event -> log.add(describe(event)));
        replica.addSyncListener(() -> log.add("SYNC"));
        return replica;
    }

    private static String describe(RowEvent event) {
        if (event instanceof RowEvent.Inserted e) {
            return "insert " + name(e.row());
        } else if (event instanceof RowEvent.Modified e) {
            return "modify " + name(e.newRow());
        }
        return "delete " + name(((RowEvent.Deleted) event).oldRow());
    }

    private static String name(Row row) {
        return ((StringAtom) row.get("name")).value();
    }

    /** The replica's Interface rows, by name, without _uuid and _version. */
    private static Map<String, Map<String, Value>> content(Replica replica) {
        Map<String, Map<String, Value>> byName = new HashMap<>();
        replica.cache().rows("Interface").values().forEach(row -> byName.put(name(row), columns(row)));
        return byName;
    }

    /** The server's Interface rows, by name, as a select returns them (in their schema's shapes). */
    private static Map<String, Map<String, Value>> select(OvsdbClient client) {
        TableSchema table = get(client.getSchema(VSWITCH)).requireTable("Interface");
        List<OperationResult> results = get(client.transact(VSWITCH,
                Operation.select("Interface", List.of()).withColumns(COLUMNS)));
        Map<String, Map<String, Value>> byName = new HashMap<>();
        ((SelectResult) results.get(0)).rows().forEach(row -> byName.put(name(row), columns(table.normalize(row))));
        return byName;
    }

    private static Map<String, Value> columns(Row row) {
        Map<String, Value> columns = new HashMap<>();
        COLUMNS.stream().filter(row::has).forEach(c -> columns.put(c, row.get(c)));
        return columns;
    }

}
