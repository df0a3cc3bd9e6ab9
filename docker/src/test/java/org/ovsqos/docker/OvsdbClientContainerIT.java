package org.ovsqos.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ovsqos.ovsdb.client.Endpoint;
import org.ovsqos.ovsdb.client.OvsdbClient;
import org.ovsqos.ovsdb.client.Replica;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.IntegerAtom;
import org.ovsqos.ovsdb.notation.Mutation;
import org.ovsqos.ovsdb.notation.OvsdbMap;
import org.ovsqos.ovsdb.operation.Operation;
import org.ovsqos.ovsdb.operation.OperationResult;
import org.ovsqos.ovsdb.operation.SelectResult;

/**
 * The typed OVSDB client against the containerised server, by both ways a host reaches it: TCP
 * through the port Docker maps to 6640, and the unix socket through the bind-mounted run directory.
 */
class OvsdbClientContainerIT {
    private static final String DB = "Open_vSwitch";
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final Guest PINGER = new Guest(101);
    private static final Guest PINGED = new Guest(102);

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
    private final List<OvsdbClient> clients = new ArrayList<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void startOvs() throws IOException {
        runDir = Files.createTempDirectory("ovs-qos-client-it-");
        ovs = OvsContainer.start(runDir);
        ovs.addNetdevBridge(Sandbox.BRIDGE);
        ovs.addGuest(Sandbox.BRIDGE, PINGER);
        ovs.addGuest(Sandbox.BRIDGE, PINGED);
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
    void closeClients() {
        clients.forEach(OvsdbClient::close);
        events.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void readsWhatOvsVsctlWroteAndWritesWhatItReads(Transport transport) throws Exception {
        String bridge = "br-" + transport.name().toLowerCase();
        ovs.addNetdevBridge(bridge);
        OvsdbClient client = connect(transport);
        Condition named = Condition.equal("name", Atom.string(bridge));

        List<OperationResult> selected = client.transact(DB, Operation.select("Bridge", named))
                .get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(selected).singleElement().isInstanceOfSatisfying(SelectResult.class, result ->
                assertThat(result.rows()).singleElement().extracting(row -> row.get("datapath_type"))
                        .isEqualTo(Atom.string("netdev")));

        client.transact(DB, Operation.mutate("Bridge", List.of(named), Mutation.insert("external_ids",
                OvsdbMap.of(Atom.string("written-by"), Atom.string(transport.name())))))
                .get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(ovs.vsctl("get bridge " + bridge + " external_ids:written-by")).isEqualTo(transport.name());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void replicaFollowsTheStatisticsVswitchdWritesForGuestTraffic(Transport transport) throws Exception {
        OvsdbClient client = OvsdbClient.create(transport.endpoint.apply(ovs));
        clients.add(client);
        Replica replica = client.replicate(DB, Map.of("Interface", MonitorRequest.columns("name", "statistics")),
                events);
        client.start();
        replica.firstSync().get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        long before = rxPackets(replica, PINGER).orElseThrow(() -> new AssertionError("no row for " + PINGER));

        ovs.sh("ip netns exec " + PINGER.netns() + " ping -c 3 -i 0.2 -W 1 " + PINGED.ip());

        await("vswitchd's statistics for " + PINGER.iface() + " counting its pings, in the replica")
                .atMost(WITHIN).until(() -> rxPackets(replica, PINGER).orElse(0L) >= before + 3);
    }

    private static Optional<Long> rxPackets(Replica replica, Guest guest) {
        return replica.cache().rows("Interface").values().stream()
                .filter(row -> Atom.string(guest.iface()).equals(row.get("name")))
                .findFirst()
                .map(row -> row.get("statistics"))
                .filter(OvsdbMap.class::isInstance)
                .map(stats -> ((OvsdbMap) stats).get(Atom.string("rx_packets")))
                .filter(IntegerAtom.class::isInstance)
                .map(packets -> ((IntegerAtom) packets).value());
    }

    private OvsdbClient connect(Transport transport) throws Exception {
        OvsdbClient client = OvsdbClient.create(transport.endpoint.apply(ovs)).start();
        clients.add(client);
        client.session().whenConnected().get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        return client;
    }
}
