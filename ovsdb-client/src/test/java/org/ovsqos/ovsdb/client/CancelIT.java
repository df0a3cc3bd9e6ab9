package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.ovsdb.client.ClientFixture.VSWITCH;
import static org.ovsqos.ovsdb.client.ClientFixture.failure;
import static org.ovsqos.ovsdb.client.ClientFixture.get;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ovsqos.ovsdb.OvsdbTimeoutException;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.OvsdbMap;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.operation.EmptyResult;
import org.ovsqos.ovsdb.operation.InsertResult;
import org.ovsqos.ovsdb.operation.Operation;
import org.ovsqos.ovsdb.operation.OperationResult;
import org.ovsqos.ovsdb.operation.SelectResult;

/**
 * Cancelling a pending call (RFC 7047 section 4.1.4) against a real ovsdb-server. The pending call
 * is a transaction that waits for a "gate" row to open and then inserts a marked row: if the
 * server still held it when the gate opens, the marked row would appear.
 */
class CancelIT extends AgainstOvsdbServer {

    /** Far beyond any test: only a cancel (or the gate) ends these calls. */
    private static final Duration LONG = Duration.ofMinutes(5);

    @ParameterizedTest
    @EnumSource(Transport.class)
    void cancellingTheFutureStopsTheTransactionOnTheServer(Transport transport) {
        OvsdbClient client = clients.connect(transport.of(server));
        UUID gate = closedGate(client);
        String marker = marker();
        CompletableFuture<List<OperationResult>> pending = client.transact(VSWITCH, LONG, gatedInsert(gate, marker));
        get(client.echo()); // answered in order: the server holds the transaction now
        assertThat(pending).isNotDone();

        assertThat(pending.cancel(true)).isTrue();
        open(gate);

        assertThat(pending).isCancelled();
        assertThat(markedRows(client, marker)).as("the server dropped the transaction").isEmpty();
        OvsdbConnection connection = client.session().connection().orElseThrow();
        assertThat(connection.isOpen()).isTrue();
        assertThat(connection.stats().protocolAnomalies()).isZero();
    }

    @Test
    void aCallThatTimesOutIsCancelledOnTheServerToo() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        UUID gate = closedGate(client);
        String marker = marker();

        failure(client.transact(VSWITCH, Duration.ofMillis(100), gatedInsert(gate, marker)),
                OvsdbTimeoutException.class);
        open(gate);

        assertThat(markedRows(client, marker)).isEmpty();
    }

    @Test
    void withoutACancelTheWaitingTransactionCommitsOnceTheGateOpens() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        UUID gate = closedGate(client);
        String marker = marker();
        CompletableFuture<List<OperationResult>> pending = client.transact(VSWITCH, LONG, gatedInsert(gate, marker));
        get(client.echo());
        assertThat(pending).isNotDone();

        open(gate);

        assertThat(get(pending)).hasSize(2).first().isEqualTo(EmptyResult.INSTANCE);
        assertThat(get(pending).get(1)).isInstanceOf(InsertResult.class);
        assertThat(markedRows(client, marker)).hasSize(1);
    }

    @Test
    void cancellingADerivedStageLeavesTheRequestAlone() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        UUID gate = closedGate(client);
        String marker = marker();
        CompletableFuture<List<OperationResult>> pending = client.transact(VSWITCH, LONG, gatedInsert(gate, marker));
        CompletableFuture<Integer> derived = pending.thenApply(List::size);
        get(client.echo());

        derived.cancel(true);
        open(gate);

        assertThat(get(pending)).hasSize(2);
        assertThat(markedRows(client, marker)).hasSize(1);
    }

    private static UUID closedGate(OvsdbClient client) {
        List<OperationResult> inserted = get(client.transact(VSWITCH,
                Operation.insert("QoS", Row.of("type", Atom.string("closed")))));
        return ((InsertResult) inserted.get(0)).uuid();
    }

    private static void open(UUID gate) {
        server.vsctl("set", "QoS", gate.toString(), "type=open");
    }

    private static List<Operation> gatedInsert(UUID gate, String marker) {
        return List.of(
                Operation.waitUntil("QoS", List.of(Condition.uuidIs(gate)), List.of("type"),
                        org.ovsqos.ovsdb.operation.Wait.Until.EQUAL, List.of(Row.of("type", Atom.string("open")))),
                Operation.insert("QoS", Row.of("type", Atom.string("marked"),
                        "external_ids", OvsdbMap.ofStrings(Map.of("marker", marker)))));
    }

    private static List<Row> markedRows(OvsdbClient client, String marker) {
        List<OperationResult> found = get(client.transact(VSWITCH, Operation.select("QoS",
                Condition.includes("external_ids", OvsdbMap.ofStrings(Map.of("marker", marker))))));
        return ((SelectResult) found.get(0)).rows();
    }

    private static String marker() {
        return "cancel-it-" + UUID.randomUUID();
    }
}
