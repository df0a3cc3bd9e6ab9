package org.ovsqos.ovsdb.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    static boolean isAbsent(JsonNode member) {
        return member == null || member.isNull();
    }

    /** The start of a message's JSON text, for logs and exceptions. */
    static String excerpt(JsonNode message) {
        String text = String.valueOf(message);
        return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH) + "...";
    }
}
