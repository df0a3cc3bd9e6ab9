package org.ovsqos.core.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link PolicyBook#release}.
 *
 * @param book the next book
 * @param outcome what happened
 * @param transition the change of tier, when something was released
 * @param limit the limit to write now: present when a present interface was released
 */
public record ReleaseResult(PolicyBook book, Outcome outcome, Optional<Transition> transition,
        Optional<Limit> limit) {

    /** What {@code release} found. */
    public enum Outcome {
        /** The interface was penalised and is now at its base rate (or forgotten, if absent). */
        RELEASED,
        /** The interface is known but owes no penalty; nothing changed. */
        NOT_PENALISED,
        /** No managed interface of that name is known; nothing changed. */
        UNKNOWN
    }

    public ReleaseResult {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(limit, "limit");
    }
}
