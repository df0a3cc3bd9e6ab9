package org.ovsqos.ovsdb.notation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ovsqos.ovsdb.notation.NotationJsonTest.json;

import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.OvsdbProtocolException;

/** Decoding rejects malformed input, saying what was wrong and where. */
class NotationJsonMalformedTest {

    private static void assertValueRejected(String input, String... messageParts) {
        assertThatThrownBy(() -> NotationJson.valueFromJson(json(input)))
                .isInstanceOf(OvsdbProtocolException.class)
                .message().contains(messageParts);
    }

    @Test
    void rejectsSetWhoseBodyIsNotAnArray() {
        assertValueRejected("[\"set\", 5]", "malformed set", "top level", "[\"set\",5]");
    }

    @Test
    void rejectsUuidThatIsNotAUuid() {
        assertValueRejected("[\"uuid\",\"not-a-uuid\"]", "malformed uuid", "at /1", "not-a-uuid");
        // java.util.UUID.fromString would accept this; the RFC's 36-character form does not.
        assertValueRejected("[\"uuid\",\"1-1-1-1-1\"]", "malformed uuid");
        assertValueRejected("[\"uuid\",7]", "malformed uuid");
    }

    @Test
    void rejectsNamedUuidThatIsNotAnId() {
        assertValueRejected("[\"named-uuid\",\"1abc\"]", "malformed named-uuid", "at /1");
    }

    @Test
    void rejectsMapPairThatIsNotATwoElementArray() {
        assertValueRejected("[\"map\",[[\"a\",\"b\"],[\"c\"]]]", "malformed map", "at /1/1", "2-element");
        assertValueRejected("[\"map\",[\"a\"]]", "malformed map", "at /1/0");
        assertValueRejected("[\"map\",{\"a\":1}]", "malformed map", "top level");
    }

    @Test
    void rejectsObjectWhereAnAtomIsRequired() {
        assertValueRejected("{\"a\":1}", "malformed value", "expected an atom, set or map");
        assertValueRejected("[\"set\",[1,{}]]", "at /1/1", "a set element");
        assertValueRejected("[\"map\",[[{},1]]]", "at /1/0/0", "a map key");
        assertValueRejected("[\"map\",[[1,{}]]]", "at /1/0/1", "a map value");
    }

    @Test
    void rejectsNestedSetsAndMaps() {
        assertValueRejected("[\"set\",[[\"set\",[1]]]]", "at /1/0", "not a set");
        assertValueRejected("[\"map\",[[1,[\"map\",[]]]]]", "at /1/0/1", "not a map");
    }

    @Test
    void rejectsNullAndUntaggedArrays() {
        assertValueRejected("null", "malformed value");
        assertValueRejected("[1,2]", "must be [\"uuid\"|\"named-uuid\"|\"set\"|\"map\"");
        assertValueRejected("[\"bag\",[]]", "malformed value");
        assertValueRejected("[\"set\",[],1]", "malformed value");
    }

    @Test
    void rejectsDuplicateSetElementsAndMapKeys() {
        assertValueRejected("[\"set\",[1,2,1]]", "duplicate element", "at /1/2");
        assertValueRejected("[\"map\",[[\"a\",1],[\"a\",2]]]", "duplicate key", "at /1/1/0");
    }

    @Test
    void rejectsIntegersOutsideWhatOvsdbCarries() {
        assertValueRejected("9223372036854775808", "malformed integer", "64-bit");
    }

    @Test
    void zeroAndNegativeZeroAreOneElementOfASetAsForOvsdbServer() {
        // ovsdb-server 3.1 answers ["set",[0.0,-0.0]] with "ovsdb error: set contains duplicate".
        assertValueRejected("[\"set\",[0.0,-0.0]]", "duplicate element", "at /1/1");
        assertValueRejected("[\"map\",[[-0.0,1],[0.0,2]]]", "duplicate key", "at /1/1/0");
    }

    @Test
    void rowMustBeAnObjectAndNamesTheBadColumn() {
        assertThatThrownBy(() -> NotationJson.rowFromJson(json("[1]")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("malformed row");
        assertThatThrownBy(() -> NotationJson.rowFromJson(json("{\"ok\":1,\"a/b\":[\"set\",5]}")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("at /a~1b");
        assertThatThrownBy(() -> NotationJson.rowFromJson(json("{\"statistics\":[\"set\",5]}"), "/0/rows/3"))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("at /0/rows/3/statistics");
    }

    @Test
    void rejectsMalformedConditionsAndMutations() {
        assertThatThrownBy(() -> NotationJson.conditionFromJson(json("[\"a\",\"~=\",1]")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("unknown function \"~=\"");
        assertThatThrownBy(() -> NotationJson.conditionFromJson(json("[\"a\",\"==\"]")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("malformed condition");
        assertThatThrownBy(() -> NotationJson.conditionFromJson(json("[\"a\",\"==\",{}]")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("at /2");
        assertThatThrownBy(() -> NotationJson.mutationFromJson(json("[\"a\",\"^=\",1]")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("unknown mutator \"^=\"");
        assertThatThrownBy(() -> NotationJson.mutationFromJson(json("{\"a\":1}")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("malformed mutation");
    }

    @Test
    void rejectsAConditionOrMutationWithAnElementItDoesNotKnowRatherThanDroppingIt() {
        assertThatThrownBy(() -> NotationJson.conditionFromJson(json("[\"a\",\"==\",1,\"extra\"]"), "/0/where/1"))
                .isInstanceOf(OvsdbProtocolException.class)
                .hasMessageContaining("malformed condition at /0/where/1").hasMessageContaining("\"extra\"");
        assertThatThrownBy(() -> NotationJson.mutationFromJson(json("[\"a\",\"+=\",1,2]")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("malformed mutation");
        assertThatThrownBy(() -> NotationJson.conditionFromJson(json("\"true\"")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("or a boolean");
    }

    @Test
    void refusesToWriteASubnormalRealThatOvsdbServerCannotRead() {
        // ovsdb-server 3.1 logs "number outside valid range" for 4.9e-324 and drops the connection.
        assertThatThrownBy(() -> NotationJson.toJson(Atom.real(Double.MIN_VALUE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subnormal");
        assertThatThrownBy(() -> NotationJson.toJson(OvsdbSet.of(Atom.real(-1e-310))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1.0E-310");
        assertThat(NotationJson.toJson(Atom.real(Double.MIN_NORMAL)).doubleValue()).isEqualTo(Double.MIN_NORMAL);
    }
}
