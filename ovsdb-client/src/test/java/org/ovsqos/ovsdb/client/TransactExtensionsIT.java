package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.ovsdb.client.ClientFixture.VSWITCH;
import static org.ovsqos.ovsdb.client.ClientFixture.failure;
import static org.ovsqos.ovsdb.client.ClientFixture.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.Mutation;
import org.ovsqos.ovsdb.notation.OvsdbMap;
import org.ovsqos.ovsdb.notation.OvsdbSet;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.operation.CountResult;
import org.ovsqos.ovsdb.operation.DuplicateUuidException;
import org.ovsqos.ovsdb.operation.InsertResult;
import org.ovsqos.ovsdb.operation.Operation;
import org.ovsqos.ovsdb.operation.OperationResult;
import org.ovsqos.ovsdb.operation.ReferentialIntegrityViolationException;
import org.ovsqos.ovsdb.operation.SelectResult;
import org.ovsqos.ovsdb.schema.DatabaseSchema;

/**
 * The Open vSwitch extensions of {@code transact} and the server methods RFC 7047 lacks, against a
 * real ovsdb-server 3.1: inserts with the row's UUID, boolean conditions, the results before a
 * failure, {@code get_server_id}, and the schema as the server sends it.
 */
class TransactExtensionsIT extends AgainstOvsdbServer {

    @Test
    void insertsARowWithTheUuidTheClientChose() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        UUID chosen = UUID.randomUUID();

        List<OperationResult> results = get(client.transact(VSWITCH,
                Operation.insert("QoS", Row.of("type", Atom.string("linux-htb"))).withUuid(chosen)));

        assertThat(results).containsExactly(new InsertResult(chosen));
        assertThat(server.vsctl("get", "QoS", chosen.toString(), "type").strip()).isEqualTo("linux-htb");

        DuplicateUuidException again = failure(client.transact(VSWITCH,
                Operation.insert("QoS", Row.empty()).withUuid(chosen)), DuplicateUuidException.class);
        assertThat(again.index()).isZero();
        assertThat(again.details()).contains("would duplicate a UUID already present");
    }

    @Test
    void whereTrueMatchesEveryRowAndWhereFalseNone() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        String marker = UUID.randomUUID().toString();
        get(client.transact(VSWITCH, Operation.insert("QoS", Row.of("type", Atom.string(marker))),
                Operation.insert("QoS", Row.of("type", Atom.string(marker)))));
        Condition mine = Condition.equal("type", Atom.string(marker));

        List<OperationResult> results = get(client.transact(VSWITCH,
                Operation.select("QoS", Condition.TRUE, mine),
                Operation.update("QoS", List.of(Condition.FALSE), Row.of("type", Atom.string("never"))),
                Operation.mutate("QoS", List.of(mine, Condition.TRUE),
                        Mutation.insert("other_config", OvsdbMap.ofStrings(Map.of("k", "v")))),
                Operation.delete("QoS", Condition.TRUE, mine)));

        assertThat(((SelectResult) results.get(0)).rows()).hasSize(2);
        assertThat(results.subList(1, 4)).containsExactly(new CountResult(0), new CountResult(2), new CountResult(2));
    }

    @Test
    void aFailedCommitCarriesTheResultsItsDetailsReferTo() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        UUID missing = UUID.randomUUID();

        ReferentialIntegrityViolationException e = failure(client.transact(VSWITCH,
                Operation.insert("Port", Row.of("name", Atom.string("p-" + missing),
                        "interfaces", OvsdbSet.of(Atom.uuid(missing))), "port"),
                Operation.insert("Bridge", Row.of("name", Atom.string("b-" + missing),
                        "ports", OvsdbSet.of(Atom.namedUuid("port"))), "bridge"),
                Operation.mutate("Open_vSwitch", List.of(),
                        Mutation.insert("bridges", OvsdbSet.of(Atom.namedUuid("bridge"))))),
                ReferentialIntegrityViolationException.class);

        assertThat(e.isCommitError()).isTrue();
        assertThat(e.results()).hasSize(3);
        UUID port = ((InsertResult) e.results().get(0)).uuid();
        assertThat(e.details()).as("the server names the Port by the UUID the results give")
                .contains("row " + port + " references nonexistent row " + missing);
    }

    @Test
    void getServerIdStaysTheSameUntilTheServerRestarts() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        UUID id = get(client.getServerId());
        assertThat(get(client.getServerId())).isEqualTo(id);
        assertThat(get(clients.connect(server.tcpEndpoint()).getServerId())).isEqualTo(id);

        server.restart();
        OvsdbClient after = clients.connect(server.unixEndpoint());

        assertThat(get(after.getServerId())).isNotEqualTo(id);
    }

    @Test
    void readsTheSchemaTheServerSendsAndWritesItBackTheSame() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        JsonNode sent = get(client.session().call("get_schema", TextNode.valueOf(VSWITCH)));

        DatabaseSchema schema = DatabaseSchema.fromJson(sent);

        assertThat(schema.toJson()).isEqualTo(sent);
        assertThat(get(client.getSchema(VSWITCH))).isEqualTo(schema);
    }
}
