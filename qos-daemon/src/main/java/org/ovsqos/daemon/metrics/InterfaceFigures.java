package org.ovsqos.daemon.metrics;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the per-interface meters show of one managed interface, as the engine last published it.
 *
 * @param name          the Interface row's {@code name}
 * @param vmId          {@code external_ids:vm-id} (the libvirt domain UUID); empty when unknown
 * @param tier          the penalty tier, 0 at the base rate
 * @param limitKbps     the policing rate the daemon applies, kbit/s as OVSDB holds it
 * @param baseKbps      the interface's plan, kbit/s
 * @param penaltyEnd    when the running penalty ends; empty at tier 0
 * @param present       whether the row exists in OVSDB (an absent one may still owe a penalty)
 * @param receivedBytes {@code statistics:rx_bytes} of the row; empty while unknown
 */
public record InterfaceFigures(String name, Optional<String> vmId, int tier, long limitKbps, long baseKbps,
        Optional<Instant> penaltyEnd, boolean present, OptionalLong receivedBytes) {

    public InterfaceFigures {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vmId, "vmId");
        Objects.requireNonNull(penaltyEnd, "penaltyEnd");
        Objects.requireNonNull(receivedBytes, "receivedBytes");
    }
}
