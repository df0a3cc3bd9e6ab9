package org.ovsqos.docker;

/**
 * An Interface row's policing columns, {@code ingress_policing_rate} (kbit/s) and
 * {@code ingress_policing_burst} (kbit): what the daemon owns in OVSDB.
 */
record Policing(long rateKbps, long burstKb) {
    /**
     * The columns the daemon writes for {@code mbit} × {@code fraction}: burst is 10 % of the
     * rate but at least 2000 kb, and never more than one second of the rate (docs/configuration.md, "The rules", rule 5).
     */
    static Policing of(long mbit, double fraction) {
        long rate = Math.round(mbit * 1000 * fraction);
        return new Policing(rate, Math.min(rate, Math.max(rate / 10, 2000)));
    }

    @Override
    public String toString() {
        return rateKbps + " kbps/" + burstKb + " kb";
    }
}
