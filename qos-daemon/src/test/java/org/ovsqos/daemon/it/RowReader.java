package org.ovsqos.daemon.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ovsqos.ovsdb.client.OvsdbConnection;
import org.ovsqos.ovsdb.testing.OvsdbServerProcess;

/**
 * Reads an Interface row's policing over a connection of its own, a select every few
 * milliseconds: fine enough to time how soon the daemon restores a limit, which
 * {@link Bridge#awaitPolicing} (an ovs-vsctl process every 100 ms) is not.
 */
final class RowReader implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(5);
    private static final Duration CALL = Duration.ofSeconds(10);

    private final OvsdbConnection connection;

    private RowReader(OvsdbConnection connection) {
        this.connection = connection;
    }

    static RowReader open(OvsdbServerProcess server) throws Exception {
        return new RowReader(OvsdbConnection.connect(server.unixEndpoint()).get(CALL.toSeconds(), TimeUnit.SECONDS));
    }

    /** Waits until the row holds {@code expected}; returns when this reader first saw it. */
    Instant awaitPolicing(String iface, Policing expected, Duration atMost) {
        AtomicReference<Instant> seen = new AtomicReference<>();
        await(iface + " policed at " + expected).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(POLL)
                .until(() -> {
                    boolean holds = policing(iface).equals(expected);
                    if (holds) {
                        seen.set(Instant.now());
                    }
                    return holds;
                });
        return seen.get();
    }

    private Policing policing(String iface) throws Exception {
        ObjectNode select = JSON.createObjectNode().put("op", "select").put("table", "Interface");
        select.putArray("where").addArray().add("name").add("==").add(iface);
        ArrayNode columns = select.putArray("columns");
        columns.add("ingress_policing_rate").add("ingress_policing_burst");
        JsonNode row = connection.call("transact", TextNode.valueOf("Open_vSwitch"), select)
                .get(CALL.toSeconds(), TimeUnit.SECONDS).get(0).get("rows").get(0);
        return Policing.of(row.get("ingress_policing_rate").asLong(), row.get("ingress_policing_burst").asLong());
    }

    @Override
    public void close() {
        connection.close();
    }
}
