package org.ovsqos.ovsdb.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.OvsdbMap;

class MonitorRequestsJsonTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Condition NAMED_KVM101 = Condition.equal("name", Atom.string("kvm101.0"));
    private static final Condition MANAGED = Condition.includes("external_ids", OvsdbMap.of(Atom.string("ovs-qos"), Atom.string("on")));

    @Test
    void encodesMonitorParamsWithAnArrayOfRequestsPerTableAsRfc7047Does() {
        var requests = new LinkedHashMap<String, List<MonitorRequest>>();
        requests.put("Interface", List.of(MonitorRequest.columns("name", "ingress_policing_rate", "statistics")));
        requests.put("Bridge", List.of(MonitorRequest.columns("name", "ports")
                .withSelect(new MonitorSelect(true, true, true, false))));
        requests.put("Open_vSwitch", List.of(MonitorRequest.allColumns()));

        JsonNode golden = Golden.read("monitor-params.json");
        assertThat(MonitorRequests.monitorParams("Open_vSwitch", new TextNode("m1"), requests)).isEqualTo(golden);
        assertThat(MonitorRequests.fromJson(golden.get(2))).isEqualTo(requests);
    }

    @Test
    void readsTheSingleRequestObjectOvsdbServerStillAccepts() {
        assertThat(MonitorRequests.fromJson(Golden.parse("{'T':{'columns':['a']}}")))
                .isEqualTo(Map.of("T", List.of(MonitorRequest.columns("a"))));
    }

    @Test
    void refusesAConditionInAPlainMonitor() {
        assertThatThrownBy(() -> MonitorRequests.monitorParams("D", new TextNode("m"),
                Map.of("T", List.of(MonitorRequest.allColumns().withWhere(Where.anyOf(NAMED_KVM101))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("monitor_cond");
    }

    @Test
    void encodesSeveralRequestsOfATableEachWithItsColumnsAndSelectAndTheTablesWhereOnTheFirst() {
        Where managed = Where.anyOf(Condition.includes("external_ids",
                OvsdbMap.of(Atom.string("owner"), Atom.string("ovs-qos"))));
        List<MonitorRequest> ports = List.of(MonitorRequest.columns("name", "up"),
                MonitorRequest.columns("options").withSelect(MonitorSelect.CHANGES_ONLY).withWhere(managed));

        JsonNode golden = Golden.read("monitor-cond-params-several.json");
        assertThat(MonitorRequests.monitorCondParams("OVN_Northbound", new TextNode("ls"),
                Map.of("Logical_Switch_Port", ports))).isEqualTo(golden);
        assertThat(MonitorRequests.fromJson(golden.get(2)).get("Logical_Switch_Port"))
                .extracting(MonitorRequest::where).containsExactly(managed, managed);
    }

    @Test
    void refusesSeveralRequestsOfATableThatOvsdbServerCouldNotMerge() {
        assertThatThrownBy(() -> MonitorRequests.monitorCondParams("D", new TextNode("m"), Map.of("T",
                List.of(MonitorRequest.columns("a"), MonitorRequest.columns("b", "a")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column a is in two requests");
        assertThatThrownBy(() -> MonitorRequests.monitorParams("D", new TextNode("m"), Map.of("T",
                List.of(MonitorRequest.columns("a"), MonitorRequest.allColumns()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("each must name its columns");
        assertThatThrownBy(() -> MonitorRequests.monitorCondParams("D", new TextNode("m"), Map.of("T",
                List.of(MonitorRequest.columns("a").withWhere(Where.NONE),
                        MonitorRequest.columns("b").withWhere(Where.anyOf(NAMED_KVM101))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table T has one where");
        assertThatThrownBy(() -> MonitorRequests.fromJson(Golden.parse(
                "{'T':[{'columns':['a'],'where':[false]},{'columns':['b'],'where':[true, false]}]}")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("only the first request's where");
    }

    @Test
    void encodesMonitorCondParamsWithWhereAndSelect() {
        var requests = new LinkedHashMap<String, List<MonitorRequest>>();
        requests.put("Interface", List.of(MonitorRequest.columns("name", "statistics")
                .withWhere(Where.anyOf(NAMED_KVM101, MANAGED))));
        requests.put("Port", List.of(MonitorRequest.allColumns().withWhere(Where.NONE)));
        requests.put("Bridge", List.of(MonitorRequest.allColumns().withSelect(MonitorSelect.CHANGES_ONLY)));
        JsonNode id = JSON.arrayNode().add("cache").add(1);

        JsonNode golden = Golden.read("monitor-cond-params.json");
        assertThat(MonitorRequests.monitorCondParams("Open_vSwitch", id, requests)).isEqualTo(golden);
        assertThat(MonitorRequests.fromJson(golden.get(2))).isEqualTo(requests);
    }

    @Test
    void encodesMonitorCondSinceParamsWithTheLastTransactionOrZero() {
        Map<String, List<MonitorRequest>> requests = Map.of("Interface", List.of(MonitorRequest.columns("name")));
        UUID last = UUID.fromString("a3f2c4d5-0b1e-4c2d-9e8f-7a6b5c4d3e2f");
        assertThat(MonitorRequests.monitorCondSinceParams("Open_vSwitch", new TextNode("m3"), requests, Optional.of(last)))
                .isEqualTo(Golden.read("monitor-cond-since-params.json"));
        assertThat(MonitorRequests.monitorCondSinceParams("Open_vSwitch", new TextNode("m3"), requests, Optional.empty())
                .get(3).textValue()).isEqualTo("00000000-0000-0000-0000-000000000000");
    }

    @Test
    void encodesMonitorCondChangeWithAnExplicitWhere() {
        var wheres = new LinkedHashMap<String, Where>();
        wheres.put("Interface", Where.anyOf(Condition.notEqual("name", Atom.string("br0"))));
        wheres.put("Port", Where.ALL);
        assertThat(MonitorRequests.monitorCondChangeParams(new TextNode("m3"), new TextNode("m3-2"), wheres))
                .isEqualTo(Golden.read("monitor-cond-change-params.json"));
    }

    @Test
    void readsWhereAsADisjunctionWithBooleans() {
        assertThat(Where.fromJson(Golden.parse("[]"))).isEqualTo(Where.ALL);
        assertThat(Where.fromJson(Golden.parse("[false, ['name','==','a'], true]"))).isEqualTo(Where.ALL);
        assertThat(Where.fromJson(Golden.parse("[false]"))).isEqualTo(Where.NONE);
        assertThat(Where.fromJson(Golden.parse("[false, ['name','==','a']]")))
                .isEqualTo(Where.anyOf(Condition.equal("name", Atom.string("a"))));
        assertThat(Where.anyOf().toJson()).isEqualTo(Golden.parse("[false]"));
        assertThat(Where.anyOf(Condition.FALSE, NAMED_KVM101)).isEqualTo(Where.anyOf(NAMED_KVM101));
        assertThat(Where.anyOf(NAMED_KVM101, Condition.TRUE)).isEqualTo(Where.ALL);
        assertThatThrownBy(() -> Where.fromJson(Golden.parse("{}"))).isInstanceOf(OvsdbProtocolException.class);
        assertThatThrownBy(() -> new Where(true, List.of(NAMED_KVM101))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMalformedRequests() {
        assertThatThrownBy(() -> MonitorRequests.fromJson(Golden.parse("{'T':[{},{}]}")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("each must name its columns");
        assertThatThrownBy(() -> MonitorRequests.fromJson(Golden.parse("{'T':{'columns':['a'],'colums':['b']}}")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("unknown member \"colums\"");
        assertThatThrownBy(() -> MonitorRequests.fromJson(Golden.parse("{'T':{'select':{'initial':true,'update':true}}}")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("select: unknown member \"update\"");
        assertThatThrownBy(() -> MonitorRequests.fromJson(Golden.parse("{'T':{'columns':'name'}}")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("table T: columns is not an array");
        assertThatThrownBy(() -> MonitorRequests.fromJson(Golden.parse("{'T':{'columns':['a','a']}}")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("duplicate column");
        assertThatThrownBy(() -> MonitorRequests.fromJson(Golden.parse("{'T':{'select':{'insert':1}}}")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("select insert is not a boolean");
        assertThatThrownBy(() -> MonitorRequests.fromJson(Golden.parse("{'T':[{'where':[['c','~','x']]}]}")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("table T");
    }
}
