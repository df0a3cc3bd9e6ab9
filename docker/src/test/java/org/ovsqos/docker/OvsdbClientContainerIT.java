package org.ovsqos.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ovsqos.ovsdb.client.Endpoint;
import org.ovsqos.ovsdb.client.OvsdbConnection;

/**
 * The OVSDB client against the containerised server, by both ways a host reaches it: TCP through
 * the port Docker maps to 6640, and the unix socket through the bind-mounted run directory.
 */
class OvsdbClientContainerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WITHIN = Duration.ofSeconds(20);

    enum Transport {
        TCP(OvsContainer::tcpEndpoint),
        UNIX(OvsContainer::unixEndpoint);

        private final Function<OvsContainer, Endpoint> endpoint;

        Transport(Function<OvsContainer, Endpoint> endpoint) {
            this.endpoint = endpoint;
        }
    }

    private static Path runDir;
    private static OvsContainer ovs;
    private final List<OvsdbConnection> opened = new ArrayList<>();

    @BeforeAll
    static void startOvs() throws IOException {
        runDir = Files.createTempDirectory("ovs-qos-client-it-");
        ovs = OvsContainer.start(runDir);
        ovs.addNetdevBridge("br0");
        ovs.addGuest("br0", new Guest(101));
        ovs.addGuest("br0", new Guest(102));
    }

    @AfterAll
    static void stopOvs() throws IOException {
        if (ovs != null) {
            ovs.close();
        }
        try (var files = Files.list(runDir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(runDir);
    }

    @AfterEach
    void closeConnections() {
        opened.forEach(OvsdbConnection::close);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void readsWhatOvsVsctlWroteAndWritesWhatItReads(Transport transport) throws Exception {
        String bridge = "br-" + transport.name().toLowerCase();
        ovs.addNetdevBridge(bridge);
        OvsdbConnection connection = connect(transport);

        JsonNode selected = connection.call("transact", List.of(TextNode.valueOf("Open_vSwitch"), JSON.readTree(
                "{\"op\":\"select\",\"table\":\"Bridge\",\"where\":[[\"name\",\"==\",\"" + bridge + "\"]],"
                        + "\"columns\":[\"datapath_type\"]}"))).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(selected.get(0).path("rows").get(0).path("datapath_type").asText()).isEqualTo("netdev");

        connection.call("transact", List.of(TextNode.valueOf("Open_vSwitch"), JSON.readTree(
                "{\"op\":\"mutate\",\"table\":\"Bridge\",\"where\":[[\"name\",\"==\",\"" + bridge + "\"]],"
                        + "\"mutations\":[[\"external_ids\",\"insert\",[\"map\",[[\"written-by\",\"" + transport
                        + "\"]]]]]}"))).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(ovs.vsctl("get bridge " + bridge + " external_ids:written-by")).isEqualTo(transport.name());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void receivesTheStatisticsVswitchdWritesForGuestTraffic(Transport transport) throws Exception {
        OvsdbConnection connection = connect(transport);
        List<JsonNode> updates = new CopyOnWriteArrayList<>();
        connection.addNotificationListener((method, params) -> {
            if (method.equals("update")) {
                updates.add(params.get(1));
            }
        });
        connection.call("monitor", TextNode.valueOf("Open_vSwitch"), TextNode.valueOf("stats"),
                JSON.readTree("{\"Interface\":{\"columns\":[\"name\",\"statistics\"],"
                        + "\"select\":{\"initial\":false,\"insert\":false,\"delete\":false,\"modify\":true}}}"))
                .get(WITHIN.toSeconds(), TimeUnit.SECONDS);

        ovs.sh("ip netns exec vm101 ping -c 3 -i 0.2 -W 1 " + new Guest(102).ip());

        await("a statistics update for kvm101.0 counting its pings").atMost(WITHIN)
                .until(() -> updates.stream().anyMatch(u -> u.toString().contains("kvm101.0")
                        && u.toString().contains("rx_packets")));
    }

    private OvsdbConnection connect(Transport transport) throws Exception {
        OvsdbConnection connection = OvsdbConnection.connect(transport.endpoint.apply(ovs))
                .get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        opened.add(connection);
        return connection;
    }
}
