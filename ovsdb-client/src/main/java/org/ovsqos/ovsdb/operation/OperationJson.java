package org.ovsqos.ovsdb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.NotationJson;
import org.ovsqos.ovsdb.notation.UuidAtom;

/**
 * The JSON form of operations (RFC 7047 section 5.2) and of their results, both ways. Clients
 * encode operations and decode results; decoding operations and encoding results is there for
 * round-trip tests and in-process fake servers. Decoding errors are {@link OvsdbProtocolException}s
 * naming the problem and its JSON Pointer.
 */
public final class OperationJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OperationJson() {
    }

    // ---------------------------------------------------------------- operations

    public static ObjectNode toJson(Operation operation) {
        ObjectNode json = JSON.objectNode().put("op", operation.op());
        if (operation instanceof Insert o) {
            json.put("table", o.table()).set("row", NotationJson.toJson(o.row()));
            o.uuidName().ifPresent(name -> json.put("uuid-name", name));
            o.uuid().ifPresent(uuid -> json.put("uuid", uuid.toString()));
        } else if (operation instanceof Select o) {
            json.put("table", o.table()).set("where", conditions(o.where()));
            o.columns().ifPresent(c -> json.set("columns", strings(c)));
        } else if (operation instanceof Update o) {
            json.put("table", o.table()).set("where", conditions(o.where()));
            json.set("row", NotationJson.toJson(o.row()));
        } else if (operation instanceof Mutate o) {
            json.put("table", o.table()).set("where", conditions(o.where()));
            ArrayNode mutations = json.putArray("mutations");
            o.mutations().forEach(m -> mutations.add(NotationJson.toJson(m)));
        } else if (operation instanceof Delete o) {
            json.put("table", o.table()).set("where", conditions(o.where()));
        } else if (operation instanceof Wait o) {
            json.put("table", o.table());
            o.timeoutMillis().ifPresent(t -> json.set("timeout", number(t)));
            json.set("where", conditions(o.where()));
            json.set("columns", strings(o.columns()));
            json.put("until", o.until().symbol());
            ArrayNode rows = json.putArray("rows");
            o.rows().forEach(r -> rows.add(NotationJson.toJson(r)));
        } else if (operation instanceof Commit o) {
            json.put("durable", o.durable());
        } else if (operation instanceof Comment o) {
            json.put("comment", o.comment());
        } else if (operation instanceof Assert o) {
            json.put("lock", o.lock());
        }
        return json;
    }

    public static Operation operationFromJson(JsonNode json) {
        return operationFromJson(json, "");
    }

    /**
     * Decodes an operation found at JSON Pointer {@code pointer} of an enclosing message. A member
     * the operation does not have is an error, as it is for ovsdb-server, rather than dropped.
     */
    public static Operation operationFromJson(JsonNode json, String pointer) {
        var m = new JsonMembers(json, pointer, "operation");
        String op = m.text("op");
        Operation operation;
        try {
            operation = switch (op) {
                case "insert" -> new Insert(m.text("table"), m.row("row"), m.optionalText("uuid-name"),
                        m.optionalUuid("uuid"));
                case "select" -> new Select(m.text("table"), m.conditions("where"), m.optionalStrings("columns"));
                case "update" -> new Update(m.text("table"), m.conditions("where"), m.row("row"));
                case "mutate" -> new Mutate(m.text("table"), m.conditions("where"),
                        m.list("mutations", NotationJson::mutationFromJson));
                case "delete" -> new Delete(m.text("table"), m.conditions("where"));
                case "wait" -> new Wait(m.text("table"), m.optionalLong("timeout"), m.conditions("where"),
                        m.strings("columns"), m.until("until"), m.list("rows", NotationJson::rowFromJson));
                case "commit" -> new Commit(m.bool("durable"));
                case "abort" -> new Abort();
                case "comment" -> new Comment(m.text("comment"));
                case "assert" -> new Assert(m.text("lock"));
                default -> throw m.malformed("op", "unknown operation \"" + op + '"');
            };
        } catch (IllegalArgumentException e) {
            // Well-formed JSON that no valid operation has, e.g. a negative timeout.
            throw new OvsdbProtocolException("invalid " + op + " operation at " + JsonMembers.at(pointer)
                    + ": " + e.getMessage(), e);
        }
        m.rejectOthers();
        return operation;
    }

    // ---------------------------------------------------------------- results

    public static ObjectNode toJson(OperationResult result) {
        ObjectNode json = JSON.objectNode();
        if (result instanceof InsertResult r) {
            json.set("uuid", NotationJson.toJson(Atom.uuid(r.uuid())));
        } else if (result instanceof SelectResult r) {
            ArrayNode rows = json.putArray("rows");
            r.rows().forEach(row -> rows.add(NotationJson.toJson(row)));
        } else if (result instanceof CountResult r) {
            json.set("count", number(r.count()));
        }
        return json;
    }

    /** The {@code <error>} object of RFC 7047 section 3.1; {@code details} may be null. */
    public static ObjectNode errorJson(String error, String details) {
        ObjectNode json = JSON.objectNode().put("error", error);
        if (details != null) {
            json.put("details", details);
        }
        return json;
    }

    /**
     * Decodes the successful result of {@code operation} found at {@code pointer} of an enclosing
     * message. @throws OvsdbProtocolException if it is not the kind of result that operation has
     */
    public static OperationResult resultFromJson(Operation operation, JsonNode json, String pointer) {
        var m = new JsonMembers(json, pointer, operation.op() + " result");
        if (operation instanceof Insert) {
            JsonNode uuid = m.required("uuid");
            if (NotationJson.valueFromJson(uuid, pointer + "/uuid") instanceof UuidAtom u) {
                return new InsertResult(u.value());
            }
            throw m.malformed("uuid", "expected [\"uuid\", <uuid>]");
        } else if (operation instanceof Select) {
            return new SelectResult(m.list("rows", NotationJson::rowFromJson));
        } else if (operation instanceof Update || operation instanceof Mutate || operation instanceof Delete) {
            JsonNode count = m.required("count");
            if (!count.isIntegralNumber() || !count.canConvertToLong() || count.longValue() < 0) {
                throw m.malformed("count", "expected a non-negative integer");
            }
            return new CountResult(count.longValue());
        }
        return EmptyResult.INSTANCE;
    }

    // ---------------------------------------------------------------- helpers

    private static ArrayNode conditions(List<Condition> where) {
        ArrayNode json = JSON.arrayNode(where.size());
        where.forEach(c -> json.add(NotationJson.toJson(c)));
        return json;
    }

    /** An int node where the value fits, as a parser would produce, so trees compare equal. */
    private static JsonNode number(long value) {
        return value == (int) value ? JSON.numberNode((int) value) : JSON.numberNode(value);
    }

    private static ArrayNode strings(List<String> strings) {
        ArrayNode json = JSON.arrayNode(strings.size());
        strings.forEach(json::add);
        return json;
    }
}
