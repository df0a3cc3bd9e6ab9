package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.ovsdb.client.ClientFixture.VSWITCH;
import static org.ovsqos.ovsdb.client.ClientFixture.failure;
import static org.ovsqos.ovsdb.client.ClientFixture.get;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.Mutation;
import org.ovsqos.ovsdb.notation.OvsdbMap;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.operation.Abort;
import org.ovsqos.ovsdb.operation.AbortedException;
import org.ovsqos.ovsdb.operation.ConstraintViolationException;
import org.ovsqos.ovsdb.operation.CountResult;
import org.ovsqos.ovsdb.operation.EmptyResult;
import org.ovsqos.ovsdb.operation.Insert;
import org.ovsqos.ovsdb.operation.InsertResult;
import org.ovsqos.ovsdb.operation.Operation;
import org.ovsqos.ovsdb.operation.OperationResult;
import org.ovsqos.ovsdb.operation.ReferentialIntegrityViolationException;
import org.ovsqos.ovsdb.operation.SelectResult;
import org.ovsqos.ovsdb.operation.SyntaxErrorException;
import org.ovsqos.ovsdb.operation.Wait;
import org.ovsqos.ovsdb.operation.WaitTimedOutException;

/**
 * {@code transact} (RFC 7047 section 4.1.3) with each kind of operation of section 5.2 against a
 * real ovsdb-server, and the typed errors it answers with. QoS and Queue are root tables, so
 * their rows stand alone; each test marks its rows with a fresh value.
 */
class TransactIT extends AgainstOvsdbServer {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void insertsSelectsUpdatesMutatesAndDeletesARow(Transport transport) {
        OvsdbClient client = clients.connect(transport.of(server));
        String marker = marker();

        UUID qos = inserted(get(client.transact(VSWITCH, Operation.insert("QoS", Row.of("type", Atom.string("linux-htb"),
                "external_ids", OvsdbMap.ofStrings(Map.of("marker", marker)))))));
        assertThat(server.vsctl("get", "QoS", qos.toString(), "type").strip()).isEqualTo("linux-htb");

        List<OperationResult> changed = get(client.transact(VSWITCH,
                Operation.update("QoS", List.of(Condition.uuidIs(qos)), Row.of("type", Atom.string("linux-hfsc"))),
                Operation.mutate("QoS", List.of(Condition.uuidIs(qos)),
                        Mutation.insert("other_config", OvsdbMap.ofStrings(Map.of("max-rate", "1000")))),
                Operation.select("QoS", Condition.uuidIs(qos)).withColumns("type", "other_config", "external_ids")));

        assertThat(changed.subList(0, 2)).containsExactly(new CountResult(1), new CountResult(1));
        Row row = ((SelectResult) changed.get(2)).rows().get(0);
        assertThat(row.get("type")).isEqualTo(Atom.string("linux-hfsc"));
        assertThat(row.get("other_config")).isEqualTo(OvsdbMap.ofStrings(Map.of("max-rate", "1000")));
        assertThat(row.get("external_ids")).isEqualTo(OvsdbMap.ofStrings(Map.of("marker", marker)));

        List<OperationResult> deleted = get(client.transact(VSWITCH,
                Operation.delete("QoS", Condition.uuidIs(qos)), Operation.select("QoS", Condition.uuidIs(qos))));

        assertThat(deleted).containsExactly(new CountResult(1), new SelectResult(List.of()));
        assertThat(server.vsctl("--columns=_uuid", "find", "QoS", "external_ids:marker=" + marker)).isBlank();
    }

    @Test
    void aWaitThatHoldsLetsTheRestOfTheTransactionRun() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        UUID qos = inserted(get(client.transact(VSWITCH, Operation.insert("QoS", Row.of("type", Atom.string("a"))))));

        List<OperationResult> results = get(client.transact(VSWITCH,
                Operation.waitUntil("QoS", List.of(Condition.uuidIs(qos)), List.of("type"), Wait.Until.EQUAL,
                        List.of(Row.of("type", Atom.string("a")))).withTimeout(0),
                Operation.comment("ovs-qos TransactIT"),
                Operation.update("QoS", List.of(Condition.uuidIs(qos)), Row.of("type", Atom.string("b"))),
                Operation.commit(false)));

        assertThat(results).containsExactly(EmptyResult.INSTANCE, EmptyResult.INSTANCE, new CountResult(1),
                EmptyResult.INSTANCE);
        assertThat(server.vsctl("get", "QoS", qos.toString(), "type").strip()).isEqualTo("b");
    }

    @Test
    void aWaitThatTimesOutFailsWithWaitTimedOutAndAppliesNothing() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        UUID qos = inserted(get(client.transact(VSWITCH, Operation.insert("QoS", Row.of("type", Atom.string("a"))))));
        Wait neverHolds = Operation.waitUntil("QoS", List.of(Condition.uuidIs(qos)), List.of("type"), Wait.Until.EQUAL,
                List.of(Row.of("type", Atom.string("z")))).withTimeout(0);

        WaitTimedOutException e = failure(client.transact(VSWITCH,
                Operation.update("QoS", List.of(Condition.uuidIs(qos)), Row.of("type", Atom.string("b"))),
                neverHolds), WaitTimedOutException.class);

        assertThat(e.index()).isEqualTo(1);
        assertThat(e.operation()).isEqualTo(neverHolds);
        assertThat(server.vsctl("get", "QoS", qos.toString(), "type").strip()).isEqualTo("a");
    }

    @Test
    void abortFailsWithAbortedAndAppliesNothing() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        String marker = marker();

        AbortedException e = failure(client.transact(VSWITCH, Operation.insert("QoS", Row.of("type", Atom.string("x"),
                "external_ids", OvsdbMap.ofStrings(Map.of("marker", marker)))), Operation.abort()),
                AbortedException.class);

        assertThat(e.index()).isEqualTo(1);
        assertThat(e.operation()).isInstanceOf(Abort.class);
        assertThat(server.vsctl("--columns=_uuid", "find", "QoS", "external_ids:marker=" + marker)).isBlank();
    }

    @Test
    void aValueOutOfRangeIsAConstraintViolationOfItsOperation() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        Insert outOfRange = Operation.insert("Queue", Row.of("dscp", Atom.integer(100)));

        ConstraintViolationException e = failure(client.transact(VSWITCH, outOfRange),
                ConstraintViolationException.class);

        assertThat(e.index()).isZero();
        assertThat(e.operation()).isEqualTo(outOfRange);
        assertThat(e.details()).contains("0 to 63");
    }

    @Test
    void aDanglingReferenceIsACommitError() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        UUID nowhere = UUID.randomUUID();

        ReferentialIntegrityViolationException e = failure(client.transact(VSWITCH, Operation.insert("QoS",
                Row.of("type", Atom.string("x"), "queues", OvsdbMap.of(Atom.integer(0), Atom.uuid(nowhere))))),
                ReferentialIntegrityViolationException.class);

        assertThat(e.isCommitError()).isTrue();
        assertThat(e.index()).isEqualTo(1);
        assertThat(e.details()).contains(nowhere.toString());
    }

    @Test
    void anUnknownTableIsASyntaxErrorQuotingTheOperation() {
        OvsdbClient client = clients.connect(server.unixEndpoint());

        // ovsdb-server 3.1 says "syntax error" here, not RFC 7047's "unknown table".
        SyntaxErrorException e = failure(client.transact(VSWITCH, Operation.select("Nope", List.of())),
                SyntaxErrorException.class);

        assertThat(e.details()).contains("No table named Nope");
        assertThat(e.syntax()).contains("\"table\":\"Nope\"");
    }

    private static UUID inserted(List<OperationResult> results) {
        assertThat(results).hasSize(1).first().isInstanceOf(InsertResult.class);
        return ((InsertResult) results.get(0)).uuid();
    }

    private static String marker() {
        return "transact-it-" + UUID.randomUUID();
    }
}
