package org.ovsqos.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.monitor.MonitorUpdate;

/** Reading the results and notifications whose shape no other package owns. */
final class Replies {

    private Replies() {
    }

    /** The result of {@code list_dbs} (RFC 7047 section 4.1.1): an array of names. */
    static List<String> databaseNames(JsonNode result) {
        if (result == null || !result.isArray()) {
            throw new OvsdbProtocolException("list_dbs: expected an array of names, got " + result);
        }
        List<String> names = new ArrayList<>(result.size());
        for (JsonNode name : result) {
            if (!name.isTextual()) {
                throw new OvsdbProtocolException("list_dbs: database name is not a string: " + name);
            }
            names.add(name.textValue());
        }
        return List.copyOf(names);
    }

    /** RFC 7047 section 4.1.8: a lock name is an {@code <id>}, which the server checks. */
    static String lockName(String lockId) {
        Objects.requireNonNull(lockId, "lockId");
        if (lockId.isEmpty()) {
            throw new IllegalArgumentException("empty lock name");
        }
        return lockId;
    }

    /** The result of {@code get_server_id} (ovsdb-server(7) section 4.1.17): a UUID string. */
    static UUID serverId(JsonNode result) {
        if (result == null || !result.isTextual()) {
            throw new OvsdbProtocolException("get_server_id: expected a UUID string, got " + result);
        }
        try {
            return UUID.fromString(result.textValue());
        } catch (IllegalArgumentException e) {
            throw new OvsdbProtocolException("get_server_id: expected a UUID string, got " + result, e);
        }
    }

    /** The result of {@code lock} or {@code steal} (RFC 7047 section 4.1.8): {@code {"locked": bool}}. */
    static boolean locked(String method, JsonNode result) {
        JsonNode locked = result == null ? null : result.get("locked");
        if (locked == null || !locked.isBoolean()) {
            throw new OvsdbProtocolException(method + ": expected {\"locked\": <boolean>}, got " + result);
        }
        return locked.booleanValue();
    }

    /** The result of {@code steal}, which always holds the lock. */
    static Void stolen(JsonNode result) {
        if (!locked("steal", result)) {
            throw new OvsdbProtocolException("steal reply says the lock is not held: " + result);
        }
        return null;
    }

    /**
     * The params of an {@code update}, {@code update2} or {@code update3} notification.
     *
     * @throws OvsdbProtocolException if malformed
     */
    static MonitorUpdate update(String method, JsonNode params) {
        return switch (method) {
            case "update" -> MonitorUpdate.fromUpdateParams(params);
            case "update2" -> MonitorUpdate.fromUpdate2Params(params);
            case "update3" -> MonitorUpdate.fromUpdate3Params(params);
            default -> throw new IllegalArgumentException("not an update notification: " + method);
        };
    }

    /** What failed, out of the wrapper a dependent stage puts around it. */
    static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
