package org.ovsqos.daemon.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One managed interface as {@code ovs-qos list} shows it: a row of the engine's published
 * snapshot. The JSON field of each component is named in {@link AdminJson}.
 *
 * @param name         the Interface row's {@code name} ({@code interface})
 * @param stage        the penalty tier, 0 when not penalised ({@code stage})
 * @param limitKbps    the policing rate the daemon applies ({@code limit_kbps})
 * @param burstKb      the policing burst the daemon applies ({@code burst_kb})
 * @param baseKbps     the interface's plan ({@code base_kbps})
 * @param penaltyUntil when the current penalty ends; empty at tier 0 ({@code penalty_until})
 * @param lastMbps     the average rate measured at the last tick ({@code last_mbps})
 * @param nowMbps      the rate from the latest statistics update; empty until two samples
 *                     exist or while the interface is absent ({@code now_mbps})
 * @param present      whether the interface exists in OVSDB now; an absent one is listed while
 *                     it still owes a penalty ({@code present})
 * @param vmId         the guest's libvirt domain UUID, from the row's {@code external_ids:vm-id};
 *                     empty when the row has none or is absent ({@code vm_id})
 */
public record InterfaceView(
        String name,
        int stage,
        long limitKbps,
        long burstKb,
        long baseKbps,
        Optional<Instant> penaltyUntil,
        double lastMbps,
        OptionalDouble nowMbps,
        boolean present,
        Optional<String> vmId) {

    public InterfaceView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(penaltyUntil, "penaltyUntil");
        Objects.requireNonNull(nowMbps, "nowMbps");
        Objects.requireNonNull(vmId, "vmId");
        if (stage < 0) {
            throw new IllegalArgumentException("stage must be >= 0 for " + name + ": " + stage);
        }
    }

    /**
     * Whole seconds left of the penalty at {@code now}, rounded up so that a penalty shows at least
     * 1 until it has really ended; 0 once it is due; empty without a penalty.
     */
    public OptionalLong remainingSeconds(Instant now) {
        if (penaltyUntil.isEmpty()) {
            return OptionalLong.empty();
        }
        Duration left = Duration.between(now, penaltyUntil.get());
        if (left.isNegative() || left.isZero()) {
            return OptionalLong.of(0);
        }
        long seconds = left.getSeconds();
        return OptionalLong.of(left.getNano() > 0 ? seconds + 1 : seconds);
    }
}
