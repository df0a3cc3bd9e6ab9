package org.ovsqos.ovsdb.monitor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The changes to one table, {@code <table-update>} (RFC 7047 section 4.1.6) or
 * {@code <table-update2>} (ovsdb-server(7) section 4.1.14): row UUID to what happened to it.
 *
 * @param rows the row updates in the order the server sent them; immutable
 */
public record TableUpdate(Map<UUID, RowUpdate> rows) {
    public TableUpdate {
        var copy = new LinkedHashMap<UUID, RowUpdate>(rows.size() * 2);
        rows.forEach((uuid, update) -> copy.put(Objects.requireNonNull(uuid, "row uuid"),
                Objects.requireNonNull(update, "row update")));
        rows = Collections.unmodifiableMap(copy);
    }

    public int size() {
        return rows.size();
    }
}
