package org.ovsqos.daemon.engine;

import java.util.Map;
import java.util.UUID;
import org.ovsqos.core.policy.Limit;
import org.ovsqos.ovsdb.cache.RowEvent;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.OvsdbMap;
import org.ovsqos.ovsdb.notation.Row;

/** Interface rows and their events, as the replica hands them to the governor. */
final class Rows {
    private Rows() {}

    static UUID uuid(int n) {
        return new UUID(0, n);
    }

    static RowEvent inserted(UUID uuid, String name, long rx, Limit policing) {
        return new RowEvent.Inserted("Interface", uuid, row(uuid, name, rx, policing));
    }

    static RowEvent modified(UUID uuid, String name, long rxBefore, Limit before, long rxAfter, Limit after) {
        return new RowEvent.Modified("Interface", uuid, row(uuid, name, rxBefore, before), row(uuid, name, rxAfter, after));
    }

    static RowEvent deleted(UUID uuid, String name, Limit policing) {
        return new RowEvent.Deleted("Interface", uuid, row(uuid, name, 0, policing));
    }

    static Row row(UUID uuid, String name, long rx, Limit policing) {
        return new Row(Map.of("_uuid", Atom.uuid(uuid), "name", Atom.string(name),
                "statistics", OvsdbMap.of(Atom.string("rx_bytes"), Atom.integer(rx)),
                "ingress_policing_rate", Atom.integer(policing.rateKbps()),
                "ingress_policing_burst", Atom.integer(policing.burstKb()),
                "external_ids", OvsdbMap.empty()));
    }
}
