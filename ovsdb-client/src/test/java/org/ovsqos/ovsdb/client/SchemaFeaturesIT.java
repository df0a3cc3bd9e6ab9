package org.ovsqos.ovsdb.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.ovsqos.ovsdb.client.ClientFixture.WITHIN;
import static org.ovsqos.ovsdb.client.ClientFixture.failure;
import static org.ovsqos.ovsdb.client.ClientFixture.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbRpcException;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.OvsdbSet;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.operation.ConstraintViolationException;
import org.ovsqos.ovsdb.operation.CountResult;
import org.ovsqos.ovsdb.operation.Operation;
import org.ovsqos.ovsdb.operation.OperationResult;
import org.ovsqos.ovsdb.operation.SelectResult;
import org.ovsqos.ovsdb.schema.DatabaseSchema;
import org.ovsqos.ovsdb.schema.TableSchema;
import org.ovsqos.ovsdb.testing.OvsdbServerProcess;

/**
 * What the Open_vSwitch schema has no column for, against a real ovsdb-server 3.1 serving a small
 * schema of the test's own ({@code gaps.ovsschema}): reals, immutable columns and tables, and
 * {@code convert}. One server per test: a conversion changes it.
 */
class SchemaFeaturesIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String GAPS = "Gaps";

    private final ClientFixture clients = new ClientFixture();
    private OvsdbServerProcess server;

    @BeforeEach
    void startServer() {
        server = OvsdbServerProcess.startWithSchema(schemaText());
    }

    @AfterEach
    void tearDown() {
        clients.close();
        server.close();
    }

    @Test
    void zeroAndNegativeZeroAreOneRealForTheLibraryAsForTheServer() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        JsonNode serverSays = get(client.session().call("transact", TextNode.valueOf(GAPS), json(
                "{'op':'insert','table':'Sample','row':{'values':['set',[0.0,-0.0]]}}")));
        assertThat(serverSays.get(0).get("details").textValue()).isEqualTo("set contains duplicate");

        assertThatThrownBy(() -> OvsdbSet.of(Atom.real(0.0), Atom.real(-0.0))).isInstanceOf(IllegalArgumentException.class);
        List<OperationResult> results = get(client.transact(GAPS,
                Operation.insert("Sample", Row.of("name", Atom.string("zero"), "value", Atom.real(-0.0))),
                Operation.select("Sample", Condition.equal("value", Atom.real(0.0))).withColumns("name", "value")));
        Row row = ((SelectResult) results.get(1)).rows().get(0);
        assertThat(get(client.getSchema(GAPS)).requireTable("Sample").normalize(row).get("value"))
                .isEqualTo(Atom.real(-0.0)).isEqualTo(Atom.real(0.0));
    }

    @Test
    void theLargestRealComesBackAlthoughTheServerWritesItPastTheDoubleRange() {
        OvsdbClient client = clients.connect(server.unixEndpoint());

        List<OperationResult> results = get(client.transact(GAPS,
                Operation.insert("Sample", Row.of("name", Atom.string("max"), "value", Atom.real(Double.MAX_VALUE),
                        "values", OvsdbSet.of(Atom.real(-Double.MAX_VALUE), Atom.real(1.5)))),
                Operation.select("Sample", Condition.equal("name", Atom.string("max"))).withColumns("value", "values")));

        Row row = ((SelectResult) results.get(1)).rows().get(0);
        assertThat(row.get("value")).isEqualTo(Atom.real(Double.MAX_VALUE));
        assertThat(row.get("values")).isEqualTo(OvsdbSet.of(Atom.real(-Double.MAX_VALUE), Atom.real(1.5)));
        // The server writes 1.79769313486232e+308 (%.15g), which the JSON layer reads as infinity.
        assertThat(get(client.session().call("transact", TextNode.valueOf(GAPS), json(
                "{'op':'select','table':'Sample','where':[['name','==','max']],'columns':['value']}")))
                .at("/0/rows/0/value").doubleValue()).isInfinite();
    }

    @Test
    void aSubnormalRealIsRefusedBeforeTheServerDropsTheConnectionForIt() {
        OvsdbClient client = clients.connect(server.unixEndpoint());

        assertThatThrownBy(() -> client.transact(GAPS,
                Operation.insert("Sample", Row.of("value", Atom.real(1e-310)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subnormal");
        assertThat(get(client.echo())).isEmpty();

        // What the refusal spares: ovsdb-server reads 1.0E-310 as "number outside valid range".
        failure(client.session().call("transact", TextNode.valueOf(GAPS),
                json("{'op':'insert','table':'Sample','row':{'value':1.0E-310}}")), OvsdbConnectionException.class);
    }

    @Test
    void readsMutabilityAndTheServerEnforcesItForColumnsOnly() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        DatabaseSchema schema = get(client.getSchema(GAPS));
        TableSchema sample = schema.requireTable("Sample");
        assertThat(sample.mutable()).isTrue();
        assertThat(sample.requireColumn("serial").mutable()).isFalse();
        assertThat(schema.requireTable("Log").mutable()).isFalse();
        get(client.transact(GAPS, Operation.insert("Sample", Row.of("name", Atom.string("s"), "serial", Atom.string("1"))),
                Operation.insert("Log", Row.of("line", Atom.string("a")))));

        ConstraintViolationException immutable = failure(client.transact(GAPS, Operation.update("Sample",
                List.of(), Row.of("serial", Atom.string("2")))), ConstraintViolationException.class);
        assertThat(immutable.details()).isEqualTo("Cannot update immutable column serial in table Sample.");
        // ovsdb-server 3.1 keeps a table's "mutable": false but does not enforce it.
        assertThat(get(client.transact(GAPS, Operation.update("Log", List.of(), Row.of("line", Atom.string("b"))))))
                .containsExactly(new CountResult(1));
    }

    @Test
    void convertsTheDatabaseOnlineAndTheClientAndItsReplicaComeBackToTheNewSchema() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        Replica replica = client.replicate(GAPS, Map.of("Sample", MonitorRequest.columns("name")), Runnable::run);
        get(replica.firstSync());
        ObjectNode next = schemaJson();
        next.put("version", "1.1.0");
        ((ObjectNode) next.at("/tables/Sample/columns")).putObject("note").put("type", "string");

        get(client.convert(DatabaseSchema.fromJson(next)));

        await().atMost(WITHIN).untilAsserted(() -> assertThat(get(client.getSchema(GAPS)).version()).isEqualTo("1.1.0"));
        get(client.transact(GAPS, Operation.insert("Sample", Row.of("name", Atom.string("after"),
                "note", Atom.string("new column")))));
        await().atMost(WITHIN).until(() -> replica.cache().rows("Sample").size() == 1);
        assertThat(get(client.getSchema(GAPS)).requireTable("Sample").column("note")).isPresent();
    }

    @Test
    void aConversionTheServerRefusesLeavesTheDatabaseAsItWas() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        get(client.transact(GAPS, Operation.insert("Sample", Row.of("name", Atom.string("keep")))));
        ObjectNode next = schemaJson();
        next.put("version", "2.0.0");
        ((ObjectNode) next.at("/tables/Sample/columns/name")).put("type", "integer");

        OvsdbRpcException refused = failure(client.convert(DatabaseSchema.fromJson(next)), OvsdbRpcException.class);

        assertThat(refused.error()).isEqualTo("syntax error");
        assertThat(get(client.getSchema(GAPS)).version()).isEqualTo("1.0.0");
    }

    private static String schemaText() {
        try (InputStream in = SchemaFeaturesIT.class.getResourceAsStream("gaps.ovsschema")) {
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode schemaJson() {
        return (ObjectNode) json(schemaText().replace('"', '\''));
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
