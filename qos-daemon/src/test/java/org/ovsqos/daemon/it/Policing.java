package org.ovsqos.daemon.it;

/** An Interface row's {@code ingress_policing_rate} (kbps) and {@code ingress_policing_burst} (kb). */
record Policing(long rateKbps, long burstKb) {
    /** A row nobody has policed: OVS's defaults. */
    static final Policing UNTOUCHED = new Policing(0, 0);

    static Policing of(long rateKbps, long burstKb) {
        return new Policing(rateKbps, burstKb);
    }

    @Override
    public String toString() {
        return rateKbps + " kbps / " + burstKb + " kb";
    }
}
