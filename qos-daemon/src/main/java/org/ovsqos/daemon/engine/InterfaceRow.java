package org.ovsqos.daemon.engine;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.IntegerAtom;
import org.ovsqos.ovsdb.notation.OvsdbMap;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.notation.StringAtom;
import org.ovsqos.ovsdb.notation.Value;

/**
 * The columns of one OVSDB {@code Interface} row that the daemon reads, taken out of the cache's
 * generic {@link Row}. A column that is missing or of an unexpected type reads as absent rather
 * than failing: one odd row must not stop the governor.
 *
 * @param rxBytes          {@code statistics:rx_bytes} (host-side receive = the guest's upload)
 * @param externalBaseMbit {@code external_ids:ovs-qos-base-mbit}, the guest's plan set by a panel
 * @param vmId             {@code external_ids:vm-id}, the guest's libvirt domain UUID, as libvirt sets it
 */
record InterfaceRow(UUID uuid, String name, OptionalLong rxBytes, long policingRateKbps, long policingBurstKb,
        Optional<String> externalBaseMbit, Optional<String> vmId) {

    static final String TABLE = "Interface";
    static final String NAME = "name";
    static final String STATISTICS = "statistics";
    static final String RATE = "ingress_policing_rate";
    static final String BURST = "ingress_policing_burst";
    static final String EXTERNAL_IDS = "external_ids";
    static final String VM_ID = "vm-id";
    static final String[] COLUMNS = {NAME, STATISTICS, RATE, BURST, EXTERNAL_IDS};

    static InterfaceRow from(UUID uuid, Row row) {
        return new InterfaceRow(uuid,
                string(row.get(NAME)).orElse(""),
                // OVSDB integers are signed: a counter past 2^63 would read negative; treat it as unknown.
                mapEntry(row.get(STATISTICS), "rx_bytes").flatMap(InterfaceRow::integer).filter(rx -> rx >= 0)
                        .stream().mapToLong(Long::longValue).findFirst(),
                integer(row.get(RATE)).orElse(0L),
                integer(row.get(BURST)).orElse(0L),
                mapEntry(row.get(EXTERNAL_IDS), QosConfig.EXTERNAL_BASE_KEY).flatMap(InterfaceRow::string),
                mapEntry(row.get(EXTERNAL_IDS), VM_ID).flatMap(InterfaceRow::string));
    }

    boolean policedAs(long rateKbps, long burstKb) {
        return policingRateKbps == rateKbps && policingBurstKb == burstKb;
    }

    private static Optional<Atom> mapEntry(Value value, String key) {
        return value instanceof OvsdbMap map ? Optional.ofNullable(map.get(key)) : Optional.empty();
    }

    private static Optional<String> string(Value value) {
        return value instanceof StringAtom s ? Optional.of(s.value()) : Optional.empty();
    }

    private static Optional<Long> integer(Value value) {
        return value instanceof IntegerAtom i ? Optional.of(i.value()) : Optional.empty();
    }
}
