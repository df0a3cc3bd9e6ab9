package org.ovsqos.core.policy;

import java.util.Objects;

/** A change of tier: {@code from} and {@code to} are stage numbers, 0 being the base rate. */
public record Transition(int from, int to, Reason reason) {

    public Transition {
        if (from < 0 || to < 0 || from == to) {
            throw new IllegalArgumentException("not a transition: " + from + " -> " + to);
        }
        Objects.requireNonNull(reason, "reason");
    }
}
