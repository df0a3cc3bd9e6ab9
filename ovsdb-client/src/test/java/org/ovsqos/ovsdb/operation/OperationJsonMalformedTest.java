package org.ovsqos.ovsdb.operation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ovsqos.ovsdb.operation.OperationJsonTest.json;

import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.notation.Row;

/** Decoding operations and results rejects bad JSON, naming the member and where it is. */
class OperationJsonMalformedTest {

    private static void assertOperationRejected(String input, String... parts) {
        assertThatThrownBy(() -> OperationJson.operationFromJson(json(input), "/3"))
                .isInstanceOf(OvsdbProtocolException.class)
                .message().contains(parts);
    }

    @Test
    void rejectsOperationThatIsNotAnObject() {
        assertOperationRejected("[\"insert\"]", "malformed operation at /3", "expected a JSON object");
    }

    @Test
    void rejectsMissingOrUnknownOp() {
        assertOperationRejected("{\"table\":\"T\"}", "missing member \"op\"");
        assertOperationRejected("{\"op\":\"upsert\"}", "at /3/op", "unknown operation \"upsert\"");
        assertOperationRejected("{\"op\":7}", "at /3/op", "expected a string");
    }

    @Test
    void rejectsMissingAndMistypedMembers() {
        assertOperationRejected("{\"op\":\"select\",\"where\":[]}", "missing member \"table\"");
        assertOperationRejected("{\"op\":\"delete\",\"table\":\"T\",\"where\":{}}", "at /3/where", "expected an array");
        assertOperationRejected("{\"op\":\"select\",\"table\":\"T\",\"where\":[],\"columns\":[1]}", "at /3/columns/0");
        assertOperationRejected("{\"op\":\"commit\",\"durable\":\"yes\"}", "at /3/durable", "expected a boolean");
        assertOperationRejected("{\"op\":\"update\",\"table\":\"T\",\"where\":[[\"a\",\"=\",1]],\"row\":{}}",
                "at /3/where/0/1", "unknown function");
        assertOperationRejected("{\"op\":\"insert\",\"table\":\"T\",\"row\":{\"a\":[\"set\",1]}}", "at /3/row/a");
    }

    @Test
    void rejectsWaitWithBadUntilOrNegativeTimeout() {
        assertOperationRejected("{\"op\":\"wait\",\"table\":\"T\",\"where\":[],\"columns\":[],\"until\":\"<\",\"rows\":[]}",
                "at /3/until", "expected \"==\" or \"!=\"");
        assertOperationRejected("{\"op\":\"wait\",\"table\":\"T\",\"timeout\":-1,\"where\":[],\"columns\":[],"
                + "\"until\":\"==\",\"rows\":[]}", "invalid wait operation at /3", "negative");
        assertOperationRejected("{\"op\":\"wait\",\"table\":\"T\",\"timeout\":1.5,\"where\":[],\"columns\":[],"
                + "\"until\":\"==\",\"rows\":[]}", "at /3/timeout", "expected an integer");
    }

    @Test
    void rejectsAMemberTheOperationDoesNotHaveRatherThanDroppingIt() {
        // As ovsdb-server 3.1: "Member 'bogus' is present but not allowed here."
        assertOperationRejected("{\"op\":\"select\",\"table\":\"T\",\"where\":[],\"bogus\":1}",
                "malformed operation at /3", "unknown member \"bogus\"");
        assertOperationRejected("{\"op\":\"abort\",\"durable\":true}", "unknown member \"durable\"");
        assertOperationRejected("{\"op\":\"insert\",\"table\":\"T\",\"row\":{},\"uuid_name\":\"x\"}",
                "unknown member \"uuid_name\"");
    }

    @Test
    void rejectsAnInsertUuidThatIsNotABareUuidString() {
        assertOperationRejected("{\"op\":\"insert\",\"table\":\"T\",\"row\":{},\"uuid\":\"nope\"}",
                "at /3/uuid", "expected a 36-character UUID string");
        assertOperationRejected("{\"op\":\"insert\",\"table\":\"T\",\"row\":{},"
                + "\"uuid\":[\"uuid\",\"36bd7d9c-2b7e-4d36-8c48-5e1fcb0e6a1f\"]}", "at /3/uuid");
    }

    @Test
    void rejectsInvalidUuidName() {
        assertOperationRejected("{\"op\":\"insert\",\"table\":\"T\",\"row\":{},\"uuid-name\":\"9x\"}",
                "invalid insert operation", "uuid-name");
    }

    @Test
    void rejectsResultOfTheWrongKindForItsOperation() {
        assertThatThrownBy(() -> OperationJson.resultFromJson(Operation.insert("T", Row.empty()), json("{\"count\":1}"), "/0"))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("missing member \"uuid\"");
        assertThatThrownBy(() -> OperationJson.resultFromJson(Operation.insert("T", Row.empty()), json("{\"uuid\":\"x\"}"), "/0"))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("at /0/uuid");
        assertThatThrownBy(() -> OperationJson.resultFromJson(Operation.select("T"), json("{\"rows\":{}}"), "/1"))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("at /1/rows");
        assertThatThrownBy(() -> OperationJson.resultFromJson(Operation.select("T"), json("{\"rows\":[{\"a\":{}}]}"), "/1"))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("at /1/rows/0/a");
        assertThatThrownBy(() -> OperationJson.resultFromJson(Operation.delete("T"), json("{\"count\":-1}"), "/2"))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("non-negative integer");
        assertThatThrownBy(() -> OperationJson.resultFromJson(Operation.delete("T"), json("{\"count\":\"1\"}"), "/2"))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("at /2/count");
        assertThatThrownBy(() -> OperationJson.resultFromJson(Operation.comment("c"), json("[]"), "/2"))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("expected a JSON object");
    }
}
