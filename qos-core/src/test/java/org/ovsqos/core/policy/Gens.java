package org.ovsqos.core.policy;

import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** Generators the policy properties share, for what QuickTheories does not say directly. */
final class Gens {
    private Gens() {}

    /** One of the values, each drawn in proportion to its weight. */
    static <T> Gen<T> weighted(List<Pair<Integer, T>> choices) {
        return Generate.frequency(choices.stream()
                .map(c -> Pair.of(c._1, Generate.constant(c._2))).toList());
    }

    /**
     * Decimals in {@code [min, max]} with {@code scale} digits after the point, as a person would
     * write them in a config file, and the two edges now and then. {@code n / 10^scale} is the
     * double nearest to that decimal.
     */
    static Gen<Double> decimals(double min, double max, int scale) {
        double unit = Math.pow(10, scale);
        Gen<Double> inside = SourceDSL.longs().between(Math.round(min * unit), Math.round(max * unit))
                .map(n -> n / unit);
        return Generate.frequency(List.of(Pair.of(19, inside), Pair.of(1, Generate.pick(List.of(min, max)))));
    }
}
