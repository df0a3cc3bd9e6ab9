package org.ovsqos.ovsdb.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ovsqos.ovsdb.testing.FakeOvsdbServer.Conversation;

/**
 * The server side of a scripted conversation about a one-table database {@code Test}: answers
 * {@code get_schema} and {@code echo} by itself and hands every other request to the script,
 * remembering every method asked, connection by connection.
 */
final class FakeDatabase {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String DB = "Test";
    static final String SCHEMA = """
            {"name": "Test", "version": "1.0.0", "tables": {"T": {"columns": {
                "name": {"type": "string"},
                "n": {"type": "integer"}}}}}""";

    /** Each connection's methods, in the order asked; schema fetches included. */
    final List<List<String>> methods = new CopyOnWriteArrayList<>();

    /**
     * The next request the script must answer itself, or {@code null} at end of stream.
     *
     * @param connection which connection this is, counting from 0
     */
    JsonNode next(Conversation c, int connection) throws IOException {
        while (methods.size() <= connection) {
            methods.add(new CopyOnWriteArrayList<>());
        }
        for (JsonNode request = c.readRequest(); request != null; request = c.readRequest()) {
            String method = request.path("method").asText();
            methods.get(connection).add(method);
            switch (method) {
                case "get_schema" -> c.reply(request, json(SCHEMA));
                case "echo" -> c.reply(request, request.get("params"));
                default -> {
                    return request;
                }
            }
        }
        return null;
    }

    /** Answers {@code request} with an error string, as ovsdb-server does for an unknown method. */
    static void error(Conversation c, JsonNode request, String error) throws IOException {
        c.send("{\"id\":" + request.get("id") + ",\"result\":null,\"error\":\"" + error + "\"}");
    }

    static void notification(Conversation c, String method, String params) throws IOException {
        c.send("{\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":null}");
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
