package org.ovsqos.ovsdb.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.notation.NotationJsonProperties;
import org.quicktheories.core.Gen;

/**
 * {@link TableUpdates#readUpdate2}, the tree-less reader, against {@link TableUpdates#fromUpdate2Json}:
 * the same updates from the same JSON, and a refusal wherever the tree decoder refuses.
 */
class TableUpdatesStreamTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ROW = "697b198d-432f-4867-b22a-e38931a873db";

    @Test
    void readsWhatTheTreeDecoderReadsFromTheSameJson() {
        qt().withExamples(300).forAll(updates()).checkAssert(updates -> {
            String text = updates.toUpdate2Json().toString();
            TableUpdates streamed = readOrFail(text);
            assertThat(streamed).isEqualTo(TableUpdates.fromUpdate2Json(tree(text))).isEqualTo(updates);
            streamed.tables().forEach((table, update) -> assertThat(update.rows().keySet())
                    .containsExactlyElementsOf(updates.tables().get(table).rows().keySet()));
        });
    }

    @Test
    void readsAnUpdateAsOvsdbServerWritesIt() throws IOException {
        String text = "{\"Interface\":{\"" + ROW + "\":{\"modify\":{\"statistics\":[\"map\",[[\"rx_bytes\",5],"
                + "[\"tx_bytes\",7]]],\"link_speed\":1.0e10,\"ofport\":[\"set\",[]],\"admin_state\":\"up\"}},"
                + "\"10eadf3c-6c7e-4e35-b43c-3a4bd1d1dbd6\":{\"delete\":null}}}";
        assertThat(read(text)).isEqualTo(TableUpdates.fromUpdate2Json(tree(text)));
        assertThat(read(text).tables().get("Interface").rows()).hasSize(2);
    }

    /** Each of these the tree decoder refuses (MalformedUpdatesTest), or keeps only the last of a repeated member. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "[]", "{'T':[]}", "{'T':{'nope':{'insert':{}}}}", "{'T':{'697b198d432f4867b22ae38931a873db':{}}}",
        "{'T':{'ROW':{}}}", "{'T':{'ROW':{'insert':{},'delete':null}}}", "{'T':{'ROW':{'upsert':{}}}}",
        "{'T':{'ROW':{'modify':null}}}", "{'T':{'ROW':{'insert':{'c':['set',1]}}}}", "{'T':{'ROW':{'delete':5}}}",
        "{'T':{'ROW':{'insert':{'c':null}}}}", "{'T':{'ROW':{'insert':{'c':{}}}}}",
        "{'T':{'ROW':{'insert':{'c':['set',[['set',[]]]]}}}}", "{'T':{'ROW':{'insert':{'c':['map',[[1]]]}}}}",
        "{'T':{'ROW':{'insert':{'c':['map',[[1,2,3]]]}}}}", "{'T':{'ROW':{'insert':{'c':['map',[[1,2],[1,3]]]}}}}",
        "{'T':{'ROW':{'insert':{'c':['set',[1,1]]}}}}", "{'T':{'ROW':{'insert':{'c':['uuid','x']}}}}",
        "{'T':{'ROW':{'insert':{'c':['uuid','ROW','more']}}}}", "{'T':{'ROW':{'insert':{'c':['named-uuid','1x']}}}}",
        "{'T':{'ROW':{'insert':{'c':['set',[],[]]}}}}", "{'T':{'ROW':{'insert':{'c':['bogus',1]}}}}",
        "{'T':{'ROW':{'insert':{'c':[1,2]}}}}", "{'T':{'ROW':{'insert':{'c':99999999999999999999}}}}",
        "{'T':{'ROW':{'insert':{'c':1,'c':2}}}}", "{'T':{'ROW':{'insert':{}},'ROW':{'delete':null}}}",
        "{'T':{'ROW':{'insert':{}}},'T':{}}", "{'T':{'ROW':{'insert':{'c':1}}}",
    })
    void refusesWhatTheTreeDecoderRefusesOrKeepsOnlyTheLastOf(String json) {
        String text = json.replace("ROW", ROW).replace('\'', '"');
        assertThatThrownBy(() -> read(text)).isInstanceOfAny(OvsdbProtocolException.class, IOException.class);
    }

    @Test
    void takesADeleteWithColumnsForTheDeleteItIs() throws IOException {
        String text = "{\"T\":{\"" + ROW + "\":{\"delete\":{\"c\":[\"set\",[1]]}}}}";
        assertThat(read(text)).isEqualTo(TableUpdates.fromUpdate2Json(tree(text)));
    }

    @Test
    void theTreeDecoderHandsBackWhatWasReadAlready() throws IOException {
        TableUpdates updates = read("{\"T\":{\"" + ROW + "\":{\"insert\":{\"c\":1}}}}");
        assertThat(TableUpdates.fromUpdate2Json(new POJONode(updates))).isSameAs(updates);
    }

    private static Gen<TableUpdates> updates() {
        Gen<RowUpdate> rowUpdates = integers().between(0, 3).zip(NotationJsonProperties.rows(), (kind, row) -> switch (kind) {
            case 0 -> new RowUpdate.Initial(row);
            case 1 -> new RowUpdate.Insert(row);
            case 2 -> new RowUpdate.ModifyDiff(row);
            default -> RowUpdate.Delete.withoutColumns();
        });
        Gen<Map.Entry<UUID, RowUpdate>> rows = integers().all().zip(rowUpdates,
                (n, update) -> Map.entry(new UUID(n, ~n), update));
        Gen<TableUpdate> tables = lists().of(rows).ofSizeBetween(0, 6).map(TableUpdatesStreamTest::table);
        return lists().of(tables).ofSizeBetween(0, 3).map(list -> {
            Map<String, TableUpdate> byName = new LinkedHashMap<>();
            for (int i = 0; i < list.size(); i++) {
                byName.put("T" + i, list.get(i));
            }
            return new TableUpdates(byName);
        });
    }

    private static TableUpdate table(List<Map.Entry<UUID, RowUpdate>> rows) {
        Map<UUID, RowUpdate> byUuid = new LinkedHashMap<>();
        rows.forEach(e -> byUuid.putIfAbsent(e.getKey(), e.getValue()));
        return new TableUpdate(byUuid);
    }

    private static TableUpdates read(String text) throws IOException {
        try (JsonParser p = MAPPER.createParser(text)) {
            p.nextToken();
            TableUpdates updates = TableUpdates.readUpdate2(p);
            assertThat(p.nextToken()).as("the reader stops at the end of the updates").isNull();
            return updates;
        }
    }

    private static TableUpdates readOrFail(String text) {
        try {
            return read(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode tree(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
