package org.ovsqos.ovsdb.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.ovsdb.operation.OperationJsonTest.json;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.notation.Row;

/** Each error string maps to its own exception type, carrying index, operation and the strings. */
class OvsdbOperationExceptionTest {
    private static final Operation OP = Operation.insert("Bridge", Row.empty());

    static Stream<Arguments> errorStrings() {
        return Stream.of(
                Arguments.of("referential integrity violation", ReferentialIntegrityViolationException.class),
                Arguments.of("constraint violation", ConstraintViolationException.class),
                Arguments.of("resources exhausted", ResourcesExhaustedException.class),
                Arguments.of("I/O error", IoErrorException.class),
                Arguments.of("duplicate uuid-name", DuplicateUuidNameException.class),
                Arguments.of("duplicate uuid", DuplicateUuidException.class),
                Arguments.of("domain error", DomainErrorException.class),
                Arguments.of("range error", RangeErrorException.class),
                Arguments.of("timed out", WaitTimedOutException.class),
                Arguments.of("not supported", OperationNotSupportedException.class),
                Arguments.of("aborted", AbortedException.class),
                Arguments.of("not owner", NotOwnerException.class),
                Arguments.of("syntax error", SyntaxErrorException.class),
                Arguments.of("unknown function", SyntaxErrorException.class),
                Arguments.of("unknown mutator", SyntaxErrorException.class),
                Arguments.of("unknown table", UnknownTableException.class),
                Arguments.of("unknown column", UnknownColumnException.class),
                Arguments.of("permission error", PermissionErrorException.class),
                Arguments.of("not allowed", NotAllowedException.class),
                Arguments.of("internal error", OvsdbOperationException.class),
                Arguments.of("something new", OvsdbOperationException.class));
    }

    @ParameterizedTest
    @MethodSource("errorStrings")
    void mapsErrorStringToItsType(String error, Class<?> type) {
        OvsdbOperationException e = OvsdbOperationException.of(2, OP, error, "why", "{}");
        assertThat(e.getClass()).isEqualTo(type);
        assertThat(e).isInstanceOf(OvsdbException.class);
        assertThat(e.index()).isEqualTo(2);
        assertThat(e.operation()).isSameAs(OP);
        assertThat(e.error()).isEqualTo(error);
        assertThat(e.details()).isEqualTo("why");
        assertThat(e.syntax()).isEqualTo("{}");
        assertThat(e).hasMessage("operation 2 (insert Bridge) failed: " + error + ": why");
    }

    @ParameterizedTest
    @MethodSource("errorStrings")
    void transactResultMapsEveryErrorStringToItsType(String error, Class<?> type) {
        List<Operation> ops = List.of(Operation.comment("c"), OP);
        var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> TransactionCodec.parseResult(ops,
                json("[{},{\"error\":\"" + error + "\",\"details\":\"d\"}]")));
        assertThat(thrown.getClass()).isEqualTo(type);
        assertThat(((OvsdbOperationException) thrown).operation()).isSameAs(OP);
    }

    @Test
    void subclassConstantsAreTheRfcStrings() {
        assertThat(List.of(ReferentialIntegrityViolationException.ERROR, ConstraintViolationException.ERROR,
                ResourcesExhaustedException.ERROR, IoErrorException.ERROR, DuplicateUuidNameException.ERROR,
                DomainErrorException.ERROR, RangeErrorException.ERROR, WaitTimedOutException.ERROR,
                OperationNotSupportedException.ERROR, AbortedException.ERROR, NotOwnerException.ERROR))
                .containsExactly("referential integrity violation", "constraint violation", "resources exhausted",
                        "I/O error", "duplicate uuid-name", "domain error", "range error", "timed out",
                        "not supported", "aborted", "not owner");
    }
}
