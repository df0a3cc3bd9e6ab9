package org.ovsqos.ovsdb.cache;

import java.util.ArrayList;
import java.util.List;

/** Records events batch by batch; for a direct executor, or read after delivery has finished. */
final class RecordingListener implements RowListener {
    final List<List<RowEvent>> batches = new ArrayList<>();
    private List<RowEvent> current = new ArrayList<>();

    @Override
    public void onEvent(RowEvent event) {
        current.add(event);
    }

    @Override
    public void afterUpdate() {
        batches.add(current);
        current = new ArrayList<>();
    }

    List<RowEvent> events() {
        return batches.stream().flatMap(List::stream).toList();
    }
}
