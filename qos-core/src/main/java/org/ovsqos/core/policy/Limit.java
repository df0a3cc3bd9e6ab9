package org.ovsqos.core.policy;

/**
 * What an interface should be policed at: the Interface row's {@code ingress_policing_rate}
 * (kbps) and {@code ingress_policing_burst} (kb). Neither is ever 0, which OVS reads as "off"
 * and "default burst" respectively.
 */
public record Limit(long rateKbps, long burstKb) {

    public Limit {
        if (rateKbps < 1 || burstKb < 1) {
            throw new IllegalArgumentException(
                    "rate and burst must be positive, got " + rateKbps + " kbps / " + burstKb + " kb");
        }
    }
}
