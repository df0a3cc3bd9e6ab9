package org.ovsqos.ovsdb.cache;

/**
 * Receives the {@link TableCache}'s row events, in the order the updates were applied, one call at
 * a time, on the owner's executor.
 */
@FunctionalInterface
public interface RowListener {

    void onEvent(RowEvent event);

    /**
     * Called after the events of one applied update (one transaction on the server, or one
     * {@link TableCache#replaceAll}), so a consumer can act once per batch rather than per row.
     * Not called for an update that changed nothing.
     */
    default void afterUpdate() {
    }
}
