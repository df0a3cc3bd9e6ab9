package org.ovsqos.ovsdb.monitor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ovsqos.ovsdb.OvsdbProtocolException;

/** Every malformed update is an {@link OvsdbProtocolException} that says where it is. */
class MalformedUpdatesTest {
    private static final String ROW = "697b198d-432f-4867-b22a-e38931a873db";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "[]                                              | update2 at /: expected a JSON object",
        "{'T':[]}                                        | update2 at /T: expected a JSON object",
        "{'T':{'nope':{'insert':{}}}}                    | update2 at /T/nope: not a UUID",
        "{'T':{'697b198d432f4867b22ae38931a873db':{}}}   | not a UUID",
        "{'T':{'ROW':{}}}                                | update2 at /T/ROW: expected exactly one",
        "{'T':{'ROW':{'insert':{},'delete':null}}}       | update2 at /T/ROW: expected exactly one",
        "{'T':{'ROW':{'upsert':{}}}}                     | update2 at /T/ROW: unknown row update \"upsert\"",
        "{'T':{'ROW':{'modify':null}}}                   | /T/ROW/modify",
        "{'T':{'ROW':{'insert':{'c':['set',1]}}}}        | /T/ROW/insert/c",
        "{'T':{'ROW':{'delete':5}}}                      | update2 at /T/ROW/delete: expected null",
    })
    void namesTheTableAndRowOfAMalformedUpdate2(String json, String message) {
        assertThatThrownBy(() -> TableUpdates.fromUpdate2Json(Golden.parse(json.replace("ROW", ROW))))
                .isInstanceOf(OvsdbProtocolException.class)
                .hasMessageContaining(message.replace("ROW", ROW));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'T':{'ROW':{}}}                                | update at /T/ROW: neither",
        "{'T':{'ROW':{'new':5}}}                         | /T/ROW/new",
        "{'T':{'ROW':{'old':{},'new':[]}}}               | /T/ROW/new",
    })
    void namesTheTableAndRowOfAMalformedUpdate(String json, String message) {
        assertThatThrownBy(() -> TableUpdates.fromUpdateJson(Golden.parse(json.replace("ROW", ROW))))
                .isInstanceOf(OvsdbProtocolException.class)
                .hasMessageContaining(message.replace("ROW", ROW));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'T':{'ROW':{'old':{}}}}                        | monitor reply at /T/ROW: an initial row",
        "{'T':{'ROW':{'old':{},'new':{}}}}               | monitor reply at /T/ROW: an initial row",
    })
    void acceptsOnlyNewRowsInAMonitorReply(String json, String message) {
        assertThatThrownBy(() -> TableUpdates.fromMonitorReply(Golden.parse(json.replace("ROW", ROW))))
                .isInstanceOf(OvsdbProtocolException.class)
                .hasMessageContaining(message.replace("ROW", ROW));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "['m',{}]                                        | update3: expected an array of 3 elements",
        "['m',5,{}]                                      | update3 at /1: last-txn-id is not a string",
        "['m','x',{}]                                    | update3 at /1: not a UUID",
    })
    void checksTheShapeOfUpdate3Params(String json, String message) {
        assertThatThrownBy(() -> MonitorUpdate.fromUpdate3Params(Golden.parse(json)))
                .isInstanceOf(OvsdbProtocolException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{}                                              | expected an array of 3 elements",
        "['yes','00000000-0000-0000-0000-000000000000',{}] | found is not a boolean",
        "[true,'00000000-0000-0000-0000-000000000000',[]] | update2 at /: expected a JSON object",
    })
    void checksTheShapeOfAMonitorCondSinceReply(String json, String message) {
        assertThatThrownBy(() -> MonitorCondSinceResult.fromJson(Golden.parse(json)))
                .isInstanceOf(OvsdbProtocolException.class)
                .hasMessageContaining(message);
    }
}
