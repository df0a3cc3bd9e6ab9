package org.ovsqos.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ovsqos.ovsdb.client.OvsdbClient;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.Mutation;
import org.ovsqos.ovsdb.notation.OvsdbSet;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.operation.InsertResult;
import org.ovsqos.ovsdb.operation.Operation;
import org.ovsqos.ovsdb.operation.OperationResult;
import org.ovsqos.ovsdb.testing.OvsdbServerProcess;

/**
 * A real ovsdb-server (the test fixture, in a temp dir) holding one bridge {@code br0} with
 * {@code kvm1.0} … {@code kvmN.0}, each a Port with one Interface, all created in one transaction
 * as a hypervisor that already runs N guests would have them.
 */
final class BenchDatabase implements AutoCloseable {
    static final String DB = "Open_vSwitch";
    static final int DEFAULT_INTERFACES = 1000;
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final OvsdbServerProcess server;
    private final Map<String, UUID> interfaces;
    private final UUID bridge;

    private BenchDatabase(OvsdbServerProcess server, Map<String, UUID> interfaces, UUID bridge) {
        this.server = server;
        this.interfaces = interfaces;
        this.bridge = bridge;
    }

    static int interfaceCount() {
        return Integer.getInteger("bench.interfaces", DEFAULT_INTERFACES);
    }

    /**
     * A failure deadline chosen at 1000 interfaces, stretched in proportion to a larger database:
     * how long to wait before calling a run broken, never a target.
     */
    static Duration scaled(Duration at1000) {
        return at1000.multipliedBy(Math.max(1, (interfaceCount() + DEFAULT_INTERFACES - 1) / DEFAULT_INTERFACES));
    }

    static String name(int i) {
        return "kvm" + i + ".0";
    }

    static BenchDatabase start(int count) {
        OvsdbServerProcess server = OvsdbServerProcess.start();
        try (OvsdbClient client = connect(server)) {
            List<Operation> ops = new ArrayList<>(2 * count + 2);
            List<Atom> ports = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                ops.add(Operation.insert("Interface", Row.of("name", Atom.string(name(i))), "i" + i));
                ops.add(Operation.insert("Port", Row.of("name", Atom.string(name(i)),
                        "interfaces", OvsdbSet.of(Atom.namedUuid("i" + i))), "p" + i));
                ports.add(Atom.namedUuid("p" + i));
            }
            ops.add(Operation.insert("Bridge", Row.of("name", Atom.string("br0"), "ports", OvsdbSet.copyOf(ports)),
                    "br"));
            ops.add(Operation.mutate("Open_vSwitch", List.of(),
                    Mutation.insert("bridges", OvsdbSet.of(Atom.namedUuid("br")))));
            List<OperationResult> results = client.transact(DB, CALL_TIMEOUT, ops).join();
            Map<String, UUID> uuids = new LinkedHashMap<>();
            for (int i = 1; i <= count; i++) {
                uuids.put(name(i), ((InsertResult) results.get(2 * (i - 1))).uuid());
            }
            UUID bridge = ((InsertResult) results.get(2 * count)).uuid();
            return new BenchDatabase(server, uuids, bridge);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** A started client of this server, connected. */
    OvsdbClient connect() {
        return connect(server);
    }

    private static OvsdbClient connect(OvsdbServerProcess server) {
        OvsdbClient client = OvsdbClient.create(server.unixEndpoint()).start();
        client.session().whenConnected().join();
        return client;
    }

    OvsdbServerProcess server() {
        return server;
    }

    /** Interface name to row uuid, {@code kvm1.0} first. */
    Map<String, UUID> interfaces() {
        return interfaces;
    }

    /** One transaction that adds a guest's interface as libvirt would: Port + Interface on br0. */
    List<Operation> addInterface(String name) {
        return List.of(
                Operation.insert("Interface", Row.of("name", Atom.string(name)), "iface"),
                Operation.insert("Port", Row.of("name", Atom.string(name), "interfaces",
                        OvsdbSet.of(Atom.namedUuid("iface"))), "port"),
                Operation.mutate("Bridge", List.of(Condition.uuidIs(bridge)),
                        Mutation.insert("ports", OvsdbSet.of(Atom.namedUuid("port")))));
    }

    /** Removes the Port named {@code name} from br0; its Interface goes with it (garbage collection). */
    List<Operation> removeInterface(UUID port) {
        return List.of(
                Operation.mutate("Bridge", List.of(Condition.uuidIs(bridge)),
                        Mutation.delete("ports", OvsdbSet.of(Atom.uuid(port)))),
                Operation.delete("Port", List.of(Condition.uuidIs(port))));
    }

    @Override
    public void close() {
        server.close();
    }
}
