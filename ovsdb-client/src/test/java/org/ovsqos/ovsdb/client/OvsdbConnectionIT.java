package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.OvsdbRpcException;
import org.ovsqos.ovsdb.testing.OvsdbServerProcess;

/** Raw JSON-RPC against a real ovsdb-server, over its unix socket and over TCP. */
class OvsdbConnectionIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static OvsdbServerProcess server;

    private final List<OvsdbConnection> opened = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = OvsdbServerProcess.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeConnections() {
        opened.forEach(OvsdbConnection::close);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void listsDatabases(Transport transport) throws Exception {
        JsonNode dbs = connect(transport).call("list_dbs").get();

        assertThat(dbs.isArray()).isTrue();
        assertThat(dbs).extracting(JsonNode::asText).contains("Open_vSwitch");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void getsTheSchemaAsRawJson(Transport transport) throws Exception {
        JsonNode schema = connect(transport).call("get_schema", TextNode.valueOf("Open_vSwitch")).get();

        assertThat(schema.path("name").asText()).isEqualTo("Open_vSwitch");
        assertThat(schema.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(schema.path("tables").has("Interface")).isTrue();
        assertThat(schema.path("tables").path("Interface").path("columns").has("ingress_policing_rate")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void echoesItsParams(Transport transport) throws Exception {
        JsonNode echoed = connect(transport).call("echo", TextNode.valueOf("ping"), IntNode.valueOf(42)).get();

        assertThat(echoed).isEqualTo(MAPPER.readTree("[\"ping\",42]"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void transactsARawSelect(Transport transport) throws Exception {
        JsonNode select = MAPPER.readTree(
                "{\"op\":\"select\",\"table\":\"Open_vSwitch\",\"where\":[],\"columns\":[\"_uuid\",\"bridges\"]}");

        JsonNode result = connect(transport).call("transact", List.of(TextNode.valueOf("Open_vSwitch"), select)).get();

        assertThat(result.size()).isEqualTo(1);
        assertThat(result.get(0).path("rows").size()).as("ovs-vsctl init made one root row").isEqualTo(1);
        assertThat(result.get(0).path("rows").get(0).path("_uuid").get(0).asText()).isEqualTo("uuid");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void failsAnUnknownMethodWithRpcException(Transport transport) {
        Throwable failure = failure(connect(transport).call("no_such_method"));

        assertThat(failure).isInstanceOfSatisfying(OvsdbRpcException.class, e -> {
            assertThat(e.method()).isEqualTo("no_such_method");
            assertThat(e.error()).isEqualTo("unknown method");
        });
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void failsAnUnknownDatabaseWithTheServersDetails(Transport transport) {
        OvsdbConnection connection = connect(transport);

        Throwable failure = failure(connection.call("get_schema", TextNode.valueOf("No_Such_DB")));

        assertThat(failure).isInstanceOfSatisfying(OvsdbRpcException.class, e -> {
            assertThat(e.error()).isEqualTo("unknown database");
            assertThat(e.details()).contains("No_Such_DB");
        });
        assertThat(connection.isOpen()).as("an RPC error leaves the connection usable").isTrue();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void matchesManyConcurrentCallsToTheirResponses(Transport transport) throws Exception {
        OvsdbConnection connection = connect(transport);
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            calls.add(connection.call("echo", IntNode.valueOf(i)));
        }

        for (int i = 0; i < calls.size(); i++) {
            assertThat(calls.get(i).get(WITHIN.toSeconds(), TimeUnit.SECONDS).get(0).asInt()).isEqualTo(i);
        }
        assertThat(connection.stats().protocolAnomalies()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void deliversUpdateNotificationsOfARawMonitor(Transport transport) throws Exception {
        OvsdbConnection connection = connect(transport);
        List<JsonNode> updates = new CopyOnWriteArrayList<>();
        connection.addNotificationListener((method, params) -> {
            if (method.equals("update")) {
                updates.add(params);
            }
        });
        String bridge = "br-" + transport.name().toLowerCase();
        connection.call("monitor", TextNode.valueOf("Open_vSwitch"), TextNode.valueOf("mon"),
                MAPPER.readTree("{\"Bridge\":{\"columns\":[\"name\"]}}")).get();

        server.vsctl("add-br", bridge);

        await().atMost(WITHIN).until(() -> updates.stream().anyMatch(u -> u.toString().contains(bridge)));
        assertThat(updates.get(0).get(0).asText()).isEqualTo("mon");
        server.vsctl("del-br", bridge);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void refusesAReplyOverTheSizeLimit(Transport transport) {
        OvsdbConnection connection = connect(transport, OvsdbOptions.builder().maxMessageSize(4096).build());

        Throwable failure = failure(connection.call("get_schema", TextNode.valueOf("Open_vSwitch")));

        assertThat(failure).isInstanceOf(OvsdbConnectionException.class)
                .cause().isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("exceeds the limit");
        assertThat(connection.isOpen()).isFalse();
    }

    private OvsdbConnection connect(Transport transport) {
        return connect(transport, OvsdbOptions.defaults());
    }

    private OvsdbConnection connect(Transport transport, OvsdbOptions options) {
        try {
            OvsdbConnection connection = OvsdbConnection.connect(transport.of(server), options)
                    .get(WITHIN.toSeconds(), TimeUnit.SECONDS);
            opened.add(connection);
            return connection;
        } catch (Exception e) {
            throw new AssertionError("cannot connect over " + transport, e);
        }
    }

    private static Throwable failure(CompletableFuture<?> future) {
        assertThat(future).failsWithin(WITHIN);
        try {
            future.get();
            throw new AssertionError("not failed");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
