package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.ovsdb.client.ClientFixture.VSWITCH;
import static org.ovsqos.ovsdb.client.ClientFixture.failure;
import static org.ovsqos.ovsdb.client.ClientFixture.get;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbRpcException;
import org.ovsqos.ovsdb.schema.AtomicType;
import org.ovsqos.ovsdb.schema.ColumnSchema;
import org.ovsqos.ovsdb.schema.DatabaseSchema;

/** The typed calls other than transact and monitors, against a real ovsdb-server over unix and tcp. */
class OvsdbClientIT extends AgainstOvsdbServer {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void listsTheDatabases(Transport transport) {
        OvsdbClient client = clients.connect(transport.of(server));

        assertThat(get(client.listDbs())).contains(VSWITCH, "_Server");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void getsAndParsesTheVswitchSchemaOncePerConnection(Transport transport) {
        OvsdbClient client = clients.connect(transport.of(server));

        DatabaseSchema schema = get(client.getSchema(VSWITCH));

        assertThat(schema.name()).isEqualTo(VSWITCH);
        assertThat(schema.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(schema.tables()).containsKeys("Open_vSwitch", "Bridge", "Port", "Interface", "QoS", "Queue");
        ColumnSchema rate = schema.requireTable("Interface").requireColumn("ingress_policing_rate");
        assertThat(rate.type().key().type()).isEqualTo(AtomicType.INTEGER);
        assertThat(get(client.getSchema(VSWITCH))).as("from memory").isSameAs(schema);
    }

    @Test
    void anUnknownDatabaseIsAnRpcError() {
        OvsdbClient client = clients.connect(server.unixEndpoint());

        OvsdbRpcException error = failure(client.getSchema("Nope"), OvsdbRpcException.class);

        assertThat(error.error()).isEqualTo("unknown database");
        assertThat(error.method()).isEqualTo("get_schema");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void echoesItsParams(Transport transport) {
        OvsdbClient client = clients.connect(transport.of(server));

        assertThat(get(client.echo(TextNode.valueOf("ping"), IntNode.valueOf(7))))
                .containsExactly(TextNode.valueOf("ping"), IntNode.valueOf(7));
    }

    @Test
    void becomesDatabaseChangeAware() {
        OvsdbClient client = clients.connect(server.unixEndpoint());

        get(client.setDbChangeAware(true));
        get(client.setDbChangeAware(false));

        assertThat(client.session().state()).isEqualTo(SessionState.CONNECTED);
    }

    @Test
    void callsFailAtOnceWhileNotConnected() {
        OvsdbClient client = clients.create(server.unixEndpoint(), ClientFixture.OPTIONS);

        assertThat(client.listDbs()).isCompletedExceptionally();
        assertThat(failure(client.transact(VSWITCH, List.of()), OvsdbConnectionException.class))
                .hasMessageContaining("transact not sent");
        assertThat(failure(client.getSchema(VSWITCH), OvsdbConnectionException.class))
                .hasMessageContaining("get_schema not sent");
    }
}
