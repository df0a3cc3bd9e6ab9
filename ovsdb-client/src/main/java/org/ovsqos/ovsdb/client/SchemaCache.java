package org.ovsqos.ovsdb.client;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.ovsqos.ovsdb.schema.DatabaseSchema;

/**
 * The schemas fetched on the current connection, by database. A new connection starts afresh: the
 * server may have been restarted with a converted database. A failed fetch is not kept.
 */
final class SchemaCache {

    private final Duration timeout;
    private OvsdbConnection connection;
    private final Map<String, CompletableFuture<DatabaseSchema>> byDatabase = new HashMap<>();

    SchemaCache(Duration timeout) {
        this.timeout = timeout;
    }

    /** The schema of {@code db} on {@code on}, fetched with {@code get_schema} (RFC 7047 4.1.2) once. */
    synchronized CompletableFuture<DatabaseSchema> get(OvsdbConnection on, String db) {
        if (on != connection) {
            byDatabase.clear();
            connection = on;
        }
        CompletableFuture<DatabaseSchema> schema = byDatabase.get(db);
        if (schema == null) {
            CompletableFuture<DatabaseSchema> fetched = on.request("get_schema", timeout,
                    List.of(TextNode.valueOf(db)), DatabaseSchema::fromJson);
            byDatabase.put(db, fetched);
            fetched.whenComplete((s, failure) -> {
                if (failure != null) {
                    drop(on, db, fetched);
                }
            });
            schema = fetched;
        }
        return schema;
    }

    /** Forgets the schemas fetched on {@code on}: one of them may have changed. */
    synchronized void forget(OvsdbConnection on) {
        if (on == connection) {
            byDatabase.clear();
        }
    }

    private synchronized void drop(OvsdbConnection on, String db, CompletableFuture<DatabaseSchema> fetched) {
        if (on == connection) {
            byDatabase.remove(db, fetched);
        }
    }
}
