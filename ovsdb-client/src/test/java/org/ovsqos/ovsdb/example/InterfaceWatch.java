package org.ovsqos.ovsdb.example;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.ovsqos.ovsdb.client.Endpoint;
import org.ovsqos.ovsdb.client.OvsdbClient;
import org.ovsqos.ovsdb.client.OvsdbOptions;
import org.ovsqos.ovsdb.client.Replica;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.operation.Operation;

/** Prints every Interface's name and statistics as they change, and polices one interface. */
public final class InterfaceWatch {

    public static void main(String[] args) throws Exception {
        run(Endpoint.parse(args.length > 0 ? args[0] : Endpoint.DEFAULT), System.out);
    }

    /** Returns the UUID of the interface it policed. */
    public static UUID run(Endpoint endpoint, PrintStream out) throws Exception {
        ExecutorService events = Executors.newSingleThreadExecutor();
        try (OvsdbClient client = OvsdbClient.create(endpoint, OvsdbOptions.defaults()).start()) {
            Replica interfaces = client.replicate("Open_vSwitch",
                    Map.of("Interface", MonitorRequest.columns("name", "statistics")), events);
            interfaces.cache().addListener(out::println); // insert, modify (old and new), delete
            interfaces.firstSync().get(30, TimeUnit.SECONDS);

            UUID first = interfaces.cache().rows("Interface").keySet().iterator().next();
            client.transact("Open_vSwitch", Operation.update("Interface", List.of(Condition.uuidIs(first)),
                    Row.of("ingress_policing_rate", Atom.integer(10_000)))) // kbps: 10 Mbit/s
                    .get(30, TimeUnit.SECONDS);
            return first;
        } finally {
            events.shutdown();
        }
    }
}
