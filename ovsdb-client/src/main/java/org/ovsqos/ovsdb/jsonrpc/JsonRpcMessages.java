package org.ovsqos.ovsdb.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ovsqos.json.JsonTrees;
import org.ovsqos.ovsdb.OvsdbRpcException;

/** The three JSON-RPC 1.0 message shapes of RFC 7047 section 4, built and taken apart. */
final class JsonRpcMessages {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Long enough to recognise a message in a log line or an exception, short enough to read. */
    private static final int EXCERPT_LENGTH = 200;

    private JsonRpcMessages() {
    }

    /** {@code {"method": m, "params": [...], "id": n}}, RFC 7047 section 4 "request". */
    static ObjectNode request(long id, String method, JsonNode params) {
        ObjectNode request = JSON.objectNode();
        request.put("method", method);
        request.set("params", params);
        request.put("id", id);
        return request;
    }

    /** {@code {"method": m, "params": [...], "id": null}}, RFC 7047 section 4 "notification". */
    static ObjectNode notification(String method, JsonNode params) {
        ObjectNode notification = JSON.objectNode();
        notification.put("method", method);
        notification.set("params", params);
        notification.putNull("id");
        return notification;
    }

    /** A successful response; {@code id} is the request's id, echoed whatever its JSON type. */
    static ObjectNode response(JsonNode id, JsonNode result) {
        ObjectNode response = JSON.objectNode();
        response.set("id", id);
        response.set("result", result);
        response.putNull("error");
        return response;
    }

    static ObjectNode errorResponse(JsonNode id, String error) {
        ObjectNode response = JSON.objectNode();
        response.set("id", id);
        response.putNull("result");
        response.put("error", error);
        return response;
    }

    /**
     * Turns a response's non-null {@code error} member into an exception. ovsdb-server sends
     * either a bare string ({@code "unknown method"}) or an object with {@code error} and
     * {@code details} members (RFC 7047 section 3.1); anything else is kept as its JSON text.
     */
    static OvsdbRpcException rpcError(String method, JsonNode error) {
        if (error.isTextual()) {
            return new OvsdbRpcException(method, error.asText(), null);
        }
        if (error.isObject() && error.path("error").isTextual()) {
            JsonNode details = error.get("details");
            return new OvsdbRpcException(method, error.get("error").asText(),
                    details == null || details.isNull() ? null : details.asText());
        }
        return new OvsdbRpcException(method, excerpt(error), null);
    }

    /**
     * What makes {@code message} something other than a request, a notification or a response
     * of RFC 7047 section 4 (JSON-RPC 1.0); {@code null} if nothing does.
     */
    static String shapeProblem(JsonNode message) {
        if (message == null || !message.isObject()) {
            return "expected a JSON-RPC message object, got " + excerpt(message);
        }
        JsonNode method = message.get("method");
        if (!isAbsent(method)) {
            if (!method.isTextual()) {
                return "\"method\" is not a string in " + excerpt(message);
            }
            JsonNode params = message.get("params");
            return isAbsent(params) || params.isArray() ? null : "\"params\" is not an array in " + excerpt(message);
        }
        JsonNode error = message.get("error");
        JsonNode result = message.get("result");
        if (isAbsent(message.get("id"))) {
            return "response without an id: " + excerpt(message);
        }
        if (!isAbsent(error) && !isAbsent(result)) {
            return "response with both a result and an error: " + excerpt(message);
        }
        // ovsdb-server leaves "result" out of error responses, but a success must carry one.
        if (isAbsent(error) && result == null) {
            return "response with neither a result nor an error: " + excerpt(message);
        }
        return null;
    }

    static boolean isAbsent(JsonNode member) {
        return member == null || member.isNull();
    }

    /** The start of a message's JSON text, for logs and exceptions. */
    static String excerpt(JsonNode message) {
        String text = message == null ? "null" : JsonTrees.text(message);
        return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH) + "...";
    }
}
