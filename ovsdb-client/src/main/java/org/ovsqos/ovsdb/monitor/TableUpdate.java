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
    /** @throws NullPointerException if {@code rows} is null or holds a null UUID or update */
    public TableUpdate {
        if (rows instanceof DecodedRows decoded) {
            // The codec's, which it let go of and never put a null into: no copy of thousands of rows.
            rows = Collections.unmodifiableMap(decoded);
        } else {
            var copy = new LinkedHashMap<UUID, RowUpdate>(rows.size() * 2);
            rows.forEach((uuid, update) -> copy.put(Objects.requireNonNull(uuid, "row uuid"),
                    Objects.requireNonNull(update, "row update")));
            rows = Collections.unmodifiableMap(copy);
        }
    }

    public int size() {
        return rows.size();
    }

    /**
     * The rows {@link TableUpdatesCodec} decodes, which the constructor adopts instead of copying.
     * Package-private so that only the codec makes one; it hands each to exactly one
     * {@code TableUpdate} and keeps no reference.
     */
    static final class DecodedRows extends LinkedHashMap<UUID, RowUpdate> {
        DecodedRows(int expectedSize) {
            super(expectedSize * 2);
        }

        @Override
        public RowUpdate put(UUID uuid, RowUpdate update) {
            return super.put(Objects.requireNonNull(uuid, "row uuid"), Objects.requireNonNull(update, "row update"));
        }
    }
}
