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
    private static final Atom RX_BYTES_KEY = Atom.string("rx_bytes");
    private static final Atom EXTERNAL_BASE_KEY = Atom.string(QosConfig.EXTERNAL_BASE_KEY);
    private static final Atom VM_ID_KEY = Atom.string(VM_ID);

    static InterfaceRow from(UUID uuid, Row row) {
        // Runs for every row of every statistics update (1000 rows every 5 s): no Optional chains,
        // no boxing, and the map keys are atoms made once.
        OvsdbMap externalIds = row.get(EXTERNAL_IDS) instanceof OvsdbMap m ? m : OvsdbMap.empty();
        return new InterfaceRow(uuid,
                row.get(NAME) instanceof StringAtom s ? s.value() : "",
                rxBytes(row.get(STATISTICS)),
                integer(row.get(RATE)),
                integer(row.get(BURST)),
                string(externalIds.get(EXTERNAL_BASE_KEY)),
                string(externalIds.get(VM_ID_KEY)));
    }

    /** Whether anything but the statistics differs: all a statistics update changes is {@link #rxBytes}. */
    boolean sameBesidesStatistics(InterfaceRow other) {
        return name.equals(other.name) && policedAs(other.policingRateKbps, other.policingBurstKb)
                && externalBaseMbit.equals(other.externalBaseMbit) && vmId.equals(other.vmId);
    }

    boolean policedAs(long rateKbps, long burstKb) {
        return policingRateKbps == rateKbps && policingBurstKb == burstKb;
    }

    // OVSDB integers are signed: a counter past 2^63 would read negative; treat it as unknown.
    private static OptionalLong rxBytes(Value statistics) {
        return statistics instanceof OvsdbMap map && map.get(RX_BYTES_KEY) instanceof IntegerAtom rx && rx.value() >= 0
                ? OptionalLong.of(rx.value()) : OptionalLong.empty();
    }

    private static Optional<String> string(Value value) {
        return value instanceof StringAtom s ? Optional.of(s.value()) : Optional.empty();
    }

    private static long integer(Value value) {
        return value instanceof IntegerAtom i ? i.value() : 0L;
    }
}
