package org.ovsqos.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * An interface's base rate (its plan) and where it came from.
 *
 * @param kbps the base rate in kbps
 * @param source which setting supplied it
 * @param ignoredExternal why the Interface row's {@code external_ids:ovs-qos-base-mbit} was not
 *     used although it was set; empty when it was used or not set. The daemon logs it.
 */
public record BaseRate(long kbps, Source source, Optional<String> ignoredExternal) {

    /** Where a base rate comes from, in order of precedence. */
    public enum Source {
        /** {@code external_ids:ovs-qos-base-mbit} of the Interface row. */
        EXTERNAL_IDS,
        /** The first matching {@code base_rate_overrides} entry. */
        OVERRIDE,
        /** {@code base_rate_mbit}. */
        DEFAULT
    }

    public BaseRate {
        RateUnits.requireKbps("kbps", kbps);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ignoredExternal, "ignoredExternal");
    }
}
