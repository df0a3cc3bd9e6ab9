package org.ovsqos.ovsdb.client;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.ovsqos.ovsdb.schema.DatabaseSchema;

/**
 * The schemas fetched on the current connection, by database. A new connection starts afresh: the
 * server may have been restarted with a converted database. A failed fetch is not kept.
 */
final class SchemaCache {

    private OvsdbConnection connection;
    private final Map<String, CompletableFuture<DatabaseSchema>> byDatabase = new HashMap<>();

    synchronized CompletableFuture<DatabaseSchema> get(OvsdbConnection on, String db,
            Supplier<CompletableFuture<DatabaseSchema>> fetch) {
        if (on != connection) {
            byDatabase.clear();
            connection = on;
        }
        CompletableFuture<DatabaseSchema> schema = byDatabase.get(db);
        if (schema == null) {
            CompletableFuture<DatabaseSchema> fetched = fetch.get();
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
