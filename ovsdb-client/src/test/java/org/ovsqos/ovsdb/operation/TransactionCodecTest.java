package org.ovsqos.ovsdb.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.ovsqos.ovsdb.operation.OperationJsonTest.U;
import static org.ovsqos.ovsdb.operation.OperationJsonTest.U_JSON;
import static org.ovsqos.ovsdb.operation.OperationJsonTest.json;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.OvsdbRpcException;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.Row;

/**
 * The transact params and result array. The error results are the ones ovsdb-server 3.1 returned
 * for these operations, recorded by hand.
 */
class TransactionCodecTest {
    private static final Operation INSERT = Operation.insert("Bridge", Row.of("name", Atom.string("br0")));
    private static final Operation SELECT = Operation.select("Open_vSwitch").withColumns("next_cfg");
    private static final Operation UPDATE = Operation.update("Interface", List.of(Condition.uuidIs(U)),
            Row.of("ingress_policing_rate", Atom.integer(1000)));
    private static final Operation COMMENT = Operation.comment("x");

    @Test
    void paramsAreTheDatabaseThenEachOperation() throws Exception {
        var params = TransactionCodec.params("Open_vSwitch", List.of(COMMENT, Operation.abort()));
        assertThat(OperationJsonTest.MAPPER.writeValueAsString(params))
                .isEqualTo("[\"Open_vSwitch\",{\"op\":\"comment\",\"comment\":\"x\"},{\"op\":\"abort\"}]");
    }

    @Test
    void paramsRoundTripThroughParseParams() {
        List<Operation> ops = List.of(INSERT, SELECT, UPDATE, COMMENT, Operation.commit(true));
        assertThat(TransactionCodec.parseParams(TransactionCodec.params("Open_vSwitch", ops)))
                .isEqualTo(new TransactRequest("Open_vSwitch", ops));
    }

    @Test
    void parseParamsRejectsMissingDatabaseAndNamesTheBadOperation() {
        assertThatThrownBy(() -> TransactionCodec.parseParams(json("[{\"op\":\"abort\"}]")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("[<db-name>, <operation>*]");
        assertThatThrownBy(() -> TransactionCodec.parseParams(json("[\"db\",{\"op\":\"abort\"},{\"op\":\"nope\"}]")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("at /2/op");
    }

    @Test
    void parsesOneResultPerOperation() {
        List<OperationResult> results = TransactionCodec.parseResult(List.of(INSERT, SELECT, UPDATE, COMMENT),
                json("[{\"uuid\":" + U_JSON + "},{\"rows\":[{\"next_cfg\":4}]},{\"count\":1},{}]"));
        assertThat(results).containsExactly(new InsertResult(U),
                new SelectResult(List.of(Row.of("next_cfg", Atom.integer(4)))), new CountResult(1),
                EmptyResult.INSTANCE);
    }

    @Test
    void emptyTransactionHasEmptyResult() {
        assertThat(TransactionCodec.parseResult(List.of(), json("[]"))).isEmpty();
    }

    @Test
    void errorInTheMiddleFollowedByNullsThrowsForThatOperation() {
        List<Operation> ops = List.of(COMMENT, Operation.abort(), Operation.comment("y"));
        var e = catchThrowableOfType(AbortedException.class, () -> TransactionCodec.parseResult(ops,
                json("[{},{\"details\":\"aborted by request\",\"error\":\"aborted\"},null]")));
        assertThat(e.index()).isEqualTo(1);
        assertThat(e.operation()).isEqualTo(Operation.abort());
        assertThat(e.isCommitError()).isFalse();
        assertThat(e.error()).isEqualTo("aborted");
        assertThat(e.details()).isEqualTo("aborted by request");
        assertThat(e).hasMessage("operation 1 (abort) failed: aborted: aborted by request");
        assertThat(e.results()).containsExactly(EmptyResult.INSTANCE);
    }

    @Test
    void anOperationErrorCarriesTheResultsOfTheOperationsBeforeIt() {
        // ovsdb-server 3.1's answer to an insert followed by an insert into a table it lacks.
        var e = catchThrowableOfType(SyntaxErrorException.class, () -> TransactionCodec.parseResult(
                List.of(INSERT, Operation.insert("Nope", Row.empty())),
                json("[{\"uuid\":" + U_JSON + "},{\"syntax\":\"{\\\"op\\\":\\\"insert\\\",\\\"row\\\":{},"
                        + "\\\"table\\\":\\\"Nope\\\"}\",\"details\":\"Parsing ovsdb operation 2 of 2 failed: No table"
                        + " named Nope.\",\"error\":\"syntax error\"}]")));
        assertThat(e.index()).isEqualTo(1);
        assertThat(e.results()).containsExactly(new InsertResult(U));
        assertThat(OvsdbOperationException.of(0, INSERT, "aborted", null, null).results()).isEmpty();
    }

    @Test
    void aResultThatCannotBeReadAfterACommitSaysTheTransactionCommitted() {
        assertThatThrownBy(() -> TransactionCodec.parseResult(List.of(INSERT, SELECT),
                json("[{\"uuid\":" + U_JSON + "},{\"rows\":[{\"next_cfg\":[\"set\",7]}]}]")))
                .isInstanceOf(OvsdbProtocolException.class)
                .hasMessageStartingWith("transaction committed (no operation failed), but the result of operation 1"
                        + " (select) cannot be read: malformed set at /1/rows/0/next_cfg");
        assertThatThrownBy(() -> TransactionCodec.parseResult(List.of(SELECT, INSERT),
                json("[{\"rows\":{}},{\"error\":\"aborted\"}]")))
                .isInstanceOf(OvsdbProtocolException.class).message().doesNotContain("committed");
    }

    @Test
    void commitErrorIsTheExtraElementAndHasNoOperation() {
        var e = catchThrowableOfType(ReferentialIntegrityViolationException.class,
                () -> TransactionCodec.parseResult(List.of(INSERT), json("[{\"uuid\":" + U_JSON + "},"
                        + "{\"details\":\"Table Bridge column ports row ... references nonexistent row\","
                        + "\"error\":\"referential integrity violation\"}]")));
        assertThat(e.index()).isEqualTo(1);
        assertThat(e.operation()).isNull();
        assertThat(e.isCommitError()).isTrue();
        assertThat(e.error()).isEqualTo("referential integrity violation");
        assertThat(e).hasMessageStartingWith("transaction failed to commit after 1 operations: referential");
        assertThat(e.results()).as("the rows the details refer to").containsExactly(new InsertResult(U));
    }

    @Test
    void keepsOvsSyntaxMemberAndNamesTableInMessage() {
        var e = catchThrowableOfType(UnknownColumnException.class, () -> TransactionCodec.parseResult(
                List.of(SELECT, UPDATE), json("[{\"rows\":[]},{\"details\":\"No column nope in table Interface.\","
                        + "\"error\":\"unknown column\",\"syntax\":\"[\\\"nope\\\",\\\"==\\\",1]\"}]")));
        assertThat(e.syntax()).isEqualTo("[\"nope\",\"==\",1]");
        assertThat(e).isInstanceOf(SyntaxErrorException.class)
                .hasMessage("operation 1 (update Interface) failed: unknown column: No column nope in table Interface.");
    }

    @Test
    void errorWithoutDetailsIsKept() {
        var e = catchThrowableOfType(OvsdbOperationException.class,
                () -> TransactionCodec.parseResult(List.of(COMMENT), json("[{\"error\":\"cluster error\"}]")));
        assertThat(e.getClass()).isEqualTo(OvsdbOperationException.class);
        assertThat(e.error()).isEqualTo("cluster error");
        assertThat(e.details()).isNull();
    }

    @Test
    void bareErrorObjectIsARequestLevelRpcError() {
        var e = catchThrowableOfType(OvsdbRpcException.class, () -> TransactionCodec.parseResult(List.of(COMMENT),
                json("{\"error\":\"syntax error\",\"details\":\"database name expected as first parameter\"}")));
        assertThat(e.method()).isEqualTo("transact");
        assertThat(e.error()).isEqualTo("syntax error");
    }

    @Test
    void rejectsResultThatIsNotAnArray() {
        assertThatThrownBy(() -> TransactionCodec.parseResult(List.of(COMMENT), json("{\"count\":1}")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("expected an array of 1 results");
        assertThatThrownBy(() -> TransactionCodec.parseResult(List.of(COMMENT), null))
                .isInstanceOf(OvsdbProtocolException.class);
    }

    @Test
    void rejectsWrongLength() {
        assertThatThrownBy(() -> TransactionCodec.parseResult(List.of(COMMENT, COMMENT), json("[{}]")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("2 operations but 1 results");
        assertThatThrownBy(() -> TransactionCodec.parseResult(List.of(COMMENT), json("[{},{},{}]")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("1 operations but 3 results");
    }

    @Test
    void rejectsElementOfTheWrongKindForItsOperation() {
        assertThatThrownBy(() -> TransactionCodec.parseResult(List.of(COMMENT, INSERT), json("[{},{\"count\":1}]")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("insert result at /1");
        assertThatThrownBy(() -> TransactionCodec.parseResult(List.of(UPDATE), json("[[1]]")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("update result at /0");
    }

    @Test
    void rejectsNullWithoutAnEarlierError() {
        assertThatThrownBy(() -> TransactionCodec.parseResult(List.of(COMMENT, COMMENT), json("[{},null]")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("element 1 (comment) is null");
    }

    @Test
    void rejectsNonNullAfterAnErrorButKeepsTheErrorAsCause() {
        var e = catchThrowableOfType(OvsdbProtocolException.class, () -> TransactionCodec.parseResult(
                List.of(Operation.assertLock("l"), COMMENT), json("[{\"error\":\"not owner\"},{}]")));
        assertThat(e).hasMessageContaining("element 1 follows the failed operation 0");
        assertThat(e.getCause()).isInstanceOf(NotOwnerException.class);
    }

    @Test
    void rejectsExtraElementThatIsNotAnError() {
        assertThatThrownBy(() -> TransactionCodec.parseResult(List.of(COMMENT), json("[{},{}]")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("must be a commit error");
        assertThatThrownBy(() -> TransactionCodec.parseResult(List.of(COMMENT), json("[{},null]")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("must be a commit error");
    }

    @Test
    void rejectsErrorThatIsNotAString() {
        assertThatThrownBy(() -> TransactionCodec.parseResult(List.of(COMMENT), json("[{\"error\":5}]")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("\"error\" that is not a string");
    }
}
