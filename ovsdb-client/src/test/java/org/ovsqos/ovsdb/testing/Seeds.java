package org.ovsqos.ovsdb.testing;

import java.util.stream.LongStream;

/**
 * Seeds for randomised tests written as plain parameterised JUnit tests: the seed is in the test's
 * name, so a failure is reproduced by running that one seed again with {@code new Random(seed)}.
 */
public final class Seeds {

    private Seeds() {
    }

    /** {@code count} distinct, fixed seeds: the same on every run, so the build is repeatable. */
    public static LongStream of(int count) {
        return LongStream.range(0, count).map(i -> 0x9E3779B97F4A7C15L * (i + 1));
    }
}
