package org.ovsqos.ovsdb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ovsqos.json.JsonTrees;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.OvsdbRpcException;

/**
 * The {@code transact} method's params and result (RFC 7047 section 4.1.3).
 *
 * <p>The result array has one element per operation. An operation that failed has an
 * {@code <error>} object in its place and every element after it is {@code null}: the transaction
 * stopped there and none of it was applied. When every operation succeeded but the commit failed
 * (a referential integrity or constraint check, an I/O error), the array has one extra element
 * carrying that error. {@link #parseResult} turns the first error into a typed
 * {@link OvsdbOperationException} and anything of the wrong shape into an
 * {@link OvsdbProtocolException}.
 */
public final class TransactionCodec {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TransactionCodec() {
    }

    /** {@code [db, op1, op2, ...]}, the params of a {@code transact} request. */
    public static ArrayNode params(String db, List<Operation> operations) {
        Objects.requireNonNull(db, "db");
        ArrayNode params = JSON.arrayNode(operations.size() + 1).add(db);
        operations.forEach(op -> params.add(OperationJson.toJson(op)));
        return params;
    }

    /** Reads {@code transact} params, as a server does. @throws OvsdbProtocolException if malformed */
    public static TransactRequest parseParams(JsonNode params) {
        if (params == null || !params.isArray() || params.isEmpty() || !params.get(0).isTextual()) {
            throw new OvsdbProtocolException("malformed transact params: expected [<db-name>, <operation>*], got "
                    + snippet(params));
        }
        var operations = new ArrayList<Operation>(params.size() - 1);
        for (int i = 1; i < params.size(); i++) {
            operations.add(OperationJson.operationFromJson(params.get(i), "/" + i));
        }
        return new TransactRequest(params.get(0).textValue(), operations);
    }

    /**
     * The results of {@code operations}, one per operation in order, from the {@code result} of
     * the {@code transact} that sent them.
     *
     * @throws OvsdbOperationException (a subclass for a known error string) if an operation failed
     *     or the commit failed; nothing was applied
     * @throws OvsdbRpcException if the server rejected the request as a whole with a bare
     *     {@code <error>} object instead of an array, as Open vSwitch does for malformed params
     * @throws OvsdbProtocolException if the result has the wrong shape: not an array, the wrong
     *     length, an element of the wrong kind for its operation, or non-null after an error
     */
    public static List<OperationResult> parseResult(List<Operation> operations, JsonNode result) {
        int n = operations.size();
        if (result != null && result.isObject() && isError(result)) {
            throw new OvsdbRpcException("transact", result.get("error").textValue(), optionalText(result, "details"));
        }
        if (result == null || !result.isArray()) {
            throw new OvsdbProtocolException("malformed transact result: expected an array of " + n
                    + " results, got " + snippet(result));
        }
        if (result.size() != n && result.size() != n + 1) {
            throw new OvsdbProtocolException("malformed transact result: " + n + " operations but "
                    + result.size() + " results (expected " + n + ", or " + (n + 1)
                    + " with a commit error): " + snippet(result));
        }
        boolean committed = result.size() == n && noErrorIn(result);
        var results = new ArrayList<OperationResult>(n);
        for (int i = 0; i < n; i++) {
            JsonNode element = result.get(i);
            Operation op = operations.get(i);
            if (element.isObject() && isError(element)) {
                OvsdbOperationException failure = error(i, op, element).withResults(results);
                requireOnlyNullsAfter(i, result, failure);
                throw failure;
            }
            if (element.isNull()) {
                throw new OvsdbProtocolException("malformed transact result: element " + i + " (" + op.op()
                        + ") is null although no earlier operation failed");
            }
            results.add(decode(op, element, i, committed));
        }
        if (result.size() == n + 1) {
            JsonNode extra = result.get(n);
            if (!extra.isObject() || !isError(extra)) {
                throw new OvsdbProtocolException("malformed transact result: the extra element " + n
                        + " after " + n + " successful operations must be a commit error, got " + snippet(extra));
            }
            throw error(n, null, extra).withResults(results);
        }
        return List.copyOf(results);
    }

    /**
     * One result. When it cannot be read although the transaction committed, the error says so:
     * the caller must not take the failure for a transaction that did not happen and retry it.
     */
    private static OperationResult decode(Operation op, JsonNode element, int index, boolean committed) {
        try {
            return OperationJson.resultFromJson(op, element, "/" + index);
        } catch (OvsdbProtocolException e) {
            if (!committed) {
                throw e;
            }
            throw new OvsdbProtocolException("transaction committed (no operation failed), but the result of"
                    + " operation " + index + " (" + op.op() + ") cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean noErrorIn(JsonNode result) {
        for (JsonNode element : result) {
            if (!element.isObject() || isError(element)) {
                return false;
            }
        }
        return true;
    }

    private static void requireOnlyNullsAfter(int failed, JsonNode result, OvsdbOperationException failure) {
        for (int k = failed + 1; k < result.size(); k++) {
            if (!result.get(k).isNull()) {
                // Keep the server's error as the cause: it is the real news, the shape is secondary.
                throw new OvsdbProtocolException("malformed transact result: element " + k
                        + " follows the failed operation " + failed + " but is not null: "
                        + snippet(result.get(k)), failure);
            }
        }
    }

    private static boolean isError(JsonNode object) {
        JsonNode error = object.get("error");
        return error != null && !error.isNull();
    }

    private static OvsdbOperationException error(int index, Operation op, JsonNode element) {
        JsonNode error = element.get("error");
        if (!error.isTextual()) {
            throw new OvsdbProtocolException("malformed transact result: element " + index
                    + " has an \"error\" that is not a string: " + snippet(element));
        }
        return OvsdbOperationException.of(index, op, error.textValue(),
                optionalText(element, "details"), optionalText(element, "syntax"));
    }

    /** A string member, or null; a non-string is kept as its JSON text rather than dropped. */
    private static String optionalText(JsonNode object, String member) {
        JsonNode value = object.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private static String snippet(JsonNode json) {
        String s = json == null ? "nothing" : JsonTrees.text(json);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
