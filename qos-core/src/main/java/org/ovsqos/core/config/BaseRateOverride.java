package org.ovsqos.core.config;

import java.util.Objects;

/**
 * One entry of {@code base_rate_overrides}: interfaces whose name matches {@code regex} have
 * {@code baseKbps} as their plan instead of {@code base_rate_mbit}. The first matching entry wins.
 */
public record BaseRateOverride(NamePattern regex, long baseKbps) {

    public BaseRateOverride {
        Objects.requireNonNull(regex, "regex");
        RateUnits.requireKbps("baseKbps", baseKbps);
    }
}
