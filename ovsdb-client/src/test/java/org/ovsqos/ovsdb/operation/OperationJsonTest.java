package org.ovsqos.ovsdb.operation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.Mutation;
import org.ovsqos.ovsdb.notation.OvsdbMap;
import org.ovsqos.ovsdb.notation.OvsdbSet;
import org.ovsqos.ovsdb.notation.Row;

/** Golden JSON for every operation, both directions, with member order as sent. */
class OperationJsonTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final UUID U = UUID.fromString("36bd7d9c-2b7e-4d36-8c48-5e1fcb0e6a1f");
    static final String U_JSON = "[\"uuid\",\"36bd7d9c-2b7e-4d36-8c48-5e1fcb0e6a1f\"]";

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertGolden(Operation op, String golden) throws JsonProcessingException {
        assertThat(MAPPER.writeValueAsString(OperationJson.toJson(op)))
                .isEqualTo(MAPPER.writeValueAsString(json(golden)));
        assertThat(OperationJson.toJson(op)).isEqualTo(json(golden));
        assertThat(OperationJson.operationFromJson(json(golden))).isEqualTo(op);
    }

    @Test
    void insert() throws Exception {
        Row row = Row.of("name", Atom.string("kvm1.0"), "external_ids", OvsdbMap.ofStrings(Map.of("vm", "101")));
        assertGolden(Operation.insert("Interface", row),
                "{\"op\":\"insert\",\"table\":\"Interface\",\"row\":{\"name\":\"kvm1.0\","
                        + "\"external_ids\":[\"map\",[[\"vm\",\"101\"]]]}}");
        assertGolden(Operation.insert("Interface", row).withUuidName("new_iface"),
                "{\"op\":\"insert\",\"table\":\"Interface\",\"row\":{\"name\":\"kvm1.0\","
                        + "\"external_ids\":[\"map\",[[\"vm\",\"101\"]]]},\"uuid-name\":\"new_iface\"}");
    }

    @Test
    void insertWithTheRowsUuid() throws Exception {
        // ovsdb-server(7) 5.2.1: a bare UUID string, not ["uuid", ...], which 3.1 refuses.
        assertGolden(Operation.insert("Bridge", Row.empty()).withUuid(U),
                "{\"op\":\"insert\",\"table\":\"Bridge\",\"row\":{},\"uuid\":\"" + U + "\"}");
        assertGolden(Operation.insert("Bridge", Row.empty(), "br").withUuid(U),
                "{\"op\":\"insert\",\"table\":\"Bridge\",\"row\":{},\"uuid-name\":\"br\",\"uuid\":\"" + U + "\"}");
        assertThat(Operation.insert("Bridge", Row.empty()).withUuid(U).withUuidName("br").uuid()).contains(U);
    }

    @Test
    void whereWithBooleans() throws Exception {
        assertGolden(Operation.select("Bridge", Condition.TRUE),
                "{\"op\":\"select\",\"table\":\"Bridge\",\"where\":[true]}");
        assertGolden(Operation.delete("Bridge", Condition.FALSE, Condition.equal("name", Atom.string("br0"))),
                "{\"op\":\"delete\",\"table\":\"Bridge\",\"where\":[false,[\"name\",\"==\",\"br0\"]]}");
    }

    @Test
    void select() throws Exception {
        assertGolden(Operation.select("Interface", Condition.equal("name", Atom.string("kvm1.0"))),
                "{\"op\":\"select\",\"table\":\"Interface\",\"where\":[[\"name\",\"==\",\"kvm1.0\"]]}");
        assertGolden(Operation.select("Interface").withColumns("_uuid", "statistics"),
                "{\"op\":\"select\",\"table\":\"Interface\",\"where\":[],\"columns\":[\"_uuid\",\"statistics\"]}");
    }

    @Test
    void update() throws Exception {
        assertGolden(Operation.update("Interface", List.of(Condition.uuidIs(U)),
                        Row.of("ingress_policing_rate", Atom.integer(800000), "ingress_policing_burst", Atom.integer(80000))),
                "{\"op\":\"update\",\"table\":\"Interface\",\"where\":[[\"_uuid\",\"==\"," + U_JSON + "]],"
                        + "\"row\":{\"ingress_policing_rate\":800000,\"ingress_policing_burst\":80000}}");
    }

    @Test
    void mutate() throws Exception {
        assertGolden(Operation.mutate("Open_vSwitch", List.of(),
                        Mutation.add("next_cfg", Atom.integer(1)),
                        Mutation.delete("external_ids", OvsdbSet.ofStrings("ovs-qos-base-mbit"))),
                "{\"op\":\"mutate\",\"table\":\"Open_vSwitch\",\"where\":[],\"mutations\":["
                        + "[\"next_cfg\",\"+=\",1],[\"external_ids\",\"delete\",[\"set\",[\"ovs-qos-base-mbit\"]]]]}");
    }

    @Test
    void delete() throws Exception {
        assertGolden(Operation.delete("Port", Condition.notEqual("name", Atom.string("br0"))),
                "{\"op\":\"delete\",\"table\":\"Port\",\"where\":[[\"name\",\"!=\",\"br0\"]]}");
    }

    @Test
    void waitWithAndWithoutTimeout() throws Exception {
        Wait wait = Operation.waitUntil("Interface", List.of(Condition.equal("name", Atom.string("kvm1.0"))),
                List.of("ingress_policing_rate"), Wait.Until.NOT_EQUAL,
                List.of(Row.of("ingress_policing_rate", Atom.integer(0))));
        String tail = "\"where\":[[\"name\",\"==\",\"kvm1.0\"]],\"columns\":[\"ingress_policing_rate\"],"
                + "\"until\":\"!=\",\"rows\":[{\"ingress_policing_rate\":0}]}";
        assertGolden(wait, "{\"op\":\"wait\",\"table\":\"Interface\"," + tail);
        assertGolden(wait.withTimeout(java.time.Duration.ofSeconds(2)),
                "{\"op\":\"wait\",\"table\":\"Interface\",\"timeout\":2000," + tail);
        assertGolden(Operation.waitUntil("Bridge", List.of(), List.of(), Wait.Until.EQUAL, List.of()).withTimeout(0),
                "{\"op\":\"wait\",\"table\":\"Bridge\",\"timeout\":0,\"where\":[],\"columns\":[],\"until\":\"==\",\"rows\":[]}");
    }

    @Test
    void commitAbortCommentAssert() throws Exception {
        assertGolden(Operation.commit(true), "{\"op\":\"commit\",\"durable\":true}");
        assertGolden(Operation.commit(false), "{\"op\":\"commit\",\"durable\":false}");
        assertGolden(Operation.abort(), "{\"op\":\"abort\"}");
        assertGolden(Operation.comment("ovs-qos: kvm1.0 stage 1->2"),
                "{\"op\":\"comment\",\"comment\":\"ovs-qos: kvm1.0 stage 1->2\"}");
        assertGolden(Operation.assertLock("ovs_qos"), "{\"op\":\"assert\",\"lock\":\"ovs_qos\"}");
    }

    @Test
    void everyResultKind() throws Exception {
        assertResultGolden(new Insert("T", Row.empty(), java.util.Optional.empty()), new InsertResult(U),
                "{\"uuid\":" + U_JSON + "}");
        assertResultGolden(Operation.select("T"),
                new SelectResult(List.of(Row.of("_uuid", Atom.uuid(U), "next_cfg", Atom.integer(3)), Row.empty())),
                "{\"rows\":[{\"_uuid\":" + U_JSON + ",\"next_cfg\":3},{}]}");
        assertResultGolden(Operation.select("T"), new SelectResult(List.of()), "{\"rows\":[]}");
        assertResultGolden(Operation.update("T", List.of(), Row.empty()), new CountResult(2), "{\"count\":2}");
        assertResultGolden(Operation.mutate("T", List.of()), new CountResult(0), "{\"count\":0}");
        assertResultGolden(Operation.delete("T"), new CountResult(7), "{\"count\":7}");
        for (Operation op : List.of(Operation.commit(true), Operation.comment("c"), Operation.assertLock("l"),
                Operation.waitUntil("T", List.of(), List.of(), Wait.Until.EQUAL, List.of()))) {
            assertResultGolden(op, EmptyResult.INSTANCE, "{}");
        }
    }

    private static void assertResultGolden(Operation op, OperationResult result, String golden)
            throws JsonProcessingException {
        assertThat(MAPPER.writeValueAsString(OperationJson.toJson(result)))
                .isEqualTo(MAPPER.writeValueAsString(json(golden)));
        assertThat(OperationJson.toJson(result)).isEqualTo(json(golden));
        assertThat(OperationJson.resultFromJson(op, json(golden), "/0")).isEqualTo(result);
    }

    @Test
    void errorJsonIsTheRfcErrorObject() throws Exception {
        assertThat(MAPPER.writeValueAsString(OperationJson.errorJson("not owner", "Asserted lock l not held.")))
                .isEqualTo("{\"error\":\"not owner\",\"details\":\"Asserted lock l not held.\"}");
        assertThat(MAPPER.writeValueAsString(OperationJson.errorJson("aborted", null)))
                .isEqualTo("{\"error\":\"aborted\"}");
    }
}
