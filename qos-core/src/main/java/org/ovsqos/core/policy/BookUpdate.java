package org.ovsqos.core.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a {@link PolicyBook} operation.
 *
 * @param book the next book; the one operated on is unchanged
 * @param decisions one per present managed interface, sorted by name
 * @param forgotten records dropped by the operation, sorted by name
 */
public record BookUpdate(PolicyBook book, List<Decision> decisions, List<Forgotten> forgotten) {

    public BookUpdate {
        Objects.requireNonNull(book, "book");
        decisions = List.copyOf(decisions);
        forgotten = List.copyOf(forgotten);
    }

    /** The limit each present managed interface should have, by name, in name order. */
    public Map<String, Limit> limits() {
        Map<String, Limit> out = new LinkedHashMap<>();
        decisions.forEach(d -> out.put(d.iface(), d.limit()));
        return out;
    }
}
