package org.ovsqos.ovsdb.monitor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.notation.Row;

/**
 * Changes to the monitored tables: {@code <table-updates>} (RFC 7047 section 4.1.6, the
 * {@code monitor} reply and {@code update} notification) or {@code <table-updates2>}
 * (ovsdb-server(7) section 4.1.14, the {@code monitor_cond} reply and the {@code update2} and
 * {@code update3} notifications). One value holds one transaction's changes, which a replica must
 * apply all or nothing.
 *
 * @param tables table name to its changes, in the order the server sent them; immutable
 */
public record TableUpdates(Map<String, TableUpdate> tables) {
    public static final TableUpdates EMPTY = new TableUpdates(Map.of());

    public TableUpdates {
        var copy = new LinkedHashMap<String, TableUpdate>(tables.size() * 2);
        tables.forEach((t, u) -> copy.put(Objects.requireNonNull(t, "table"), Objects.requireNonNull(u, "table update")));
        tables = Collections.unmodifiableMap(copy);
    }

    public boolean isEmpty() {
        return tables.values().stream().allMatch(t -> t.rows().isEmpty());
    }

    /** The number of row updates across all tables. */
    public int rowCount() {
        return tables.values().stream().mapToInt(TableUpdate::size).sum();
    }

    /**
     * Reads the {@code <table-updates>} of an {@code update} notification: {@code "new"} alone is
     * an {@link RowUpdate.Insert}, {@code "old"} alone a {@link RowUpdate.Delete}, both a
     * {@link RowUpdate.Modify}.
     *
     * @throws OvsdbProtocolException naming the table and row that are malformed
     */
    public static TableUpdates fromUpdateJson(JsonNode json) {
        return TableUpdatesCodec.parseV1(json, false);
    }

    /**
     * Reads the result of a {@code monitor} request, where {@code "new"} alone is an
     * {@link RowUpdate.Initial} and any other form is an error.
     */
    public static TableUpdates fromMonitorReply(JsonNode json) {
        return TableUpdatesCodec.parseV1(json, true);
    }

    /**
     * Reads {@code <table-updates2>}: the result of {@code monitor_cond}, the third element of a
     * {@code monitor_cond_since} result, or the updates of an {@code update2}/{@code update3}.
     *
     * @throws OvsdbProtocolException naming the table and row that are malformed
     */
    public static TableUpdates fromUpdate2Json(JsonNode json) {
        if (json instanceof POJONode read && read.getPojo() instanceof TableUpdates updates) {
            return updates; // read from the bytes already, by readUpdate2
        }
        return TableUpdatesCodec.parseV2(json);
    }

    /**
     * Reads {@code <table-updates2>} straight from {@code parser}, whose current token is its
     * {@link com.fasterxml.jackson.core.JsonToken#START_OBJECT} (and is its {@code END_OBJECT} on
     * return), without a JSON tree: for the updates of thousands of rows a monitor receives every
     * few seconds. Decodes what it accepts exactly as {@link #fromUpdate2Json} decodes the same
     * JSON. A transport that reads notifications this way passes the result on as a
     * {@link POJONode} in the tree's place, which {@code fromUpdate2Json} hands back as it is.
     *
     * @throws OvsdbProtocolException if malformed, saying less than {@code fromUpdate2Json} would
     *     of the same JSON: decode that for a precise error
     * @throws IOException if the JSON itself is malformed, or cannot be read
     */
    public static TableUpdates readUpdate2(JsonParser parser) throws IOException {
        return TableUpdatesCodec.readV2(parser);
    }

    /**
     * This value as {@code <table-updates>}.
     *
     * @throws IllegalArgumentException if it holds a {@link RowUpdate.ModifyDiff}, which only update2 can carry
     */
    public ObjectNode toUpdateJson() {
        return TableUpdatesCodec.writeV1(this);
    }

    /**
     * This value as {@code <table-updates2>}.
     *
     * @throws IllegalArgumentException if it holds a {@link RowUpdate.Modify}, which only update can carry
     */
    public ObjectNode toUpdate2Json() {
        return TableUpdatesCodec.writeV2(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects row updates table by table, in order; mostly for tests and fake servers. */
    public static final class Builder {
        private final Map<String, Map<UUID, RowUpdate>> tables = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder add(String table, UUID uuid, RowUpdate update) {
            tables.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(uuid, update);
            return this;
        }

        public Builder initial(String table, UUID uuid, Row row) {
            return add(table, uuid, new RowUpdate.Initial(row));
        }

        public Builder insert(String table, UUID uuid, Row row) {
            return add(table, uuid, new RowUpdate.Insert(row));
        }

        public Builder modify(String table, UUID uuid, Row old, Row row) {
            return add(table, uuid, new RowUpdate.Modify(old, row));
        }

        public Builder modifyDiff(String table, UUID uuid, Row diff) {
            return add(table, uuid, new RowUpdate.ModifyDiff(diff));
        }

        public Builder delete(String table, UUID uuid, Row old) {
            return add(table, uuid, new RowUpdate.Delete(old));
        }

        public TableUpdates build() {
            var built = new LinkedHashMap<String, TableUpdate>();
            tables.forEach((t, rows) -> built.put(t, new TableUpdate(rows)));
            return new TableUpdates(built);
        }
    }
}
