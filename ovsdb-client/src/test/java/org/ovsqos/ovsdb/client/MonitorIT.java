package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ovsqos.ovsdb.client.ClientFixture.VSWITCH;
import static org.ovsqos.ovsdb.client.ClientFixture.WITHIN;
import static org.ovsqos.ovsdb.client.ClientFixture.failure;
import static org.ovsqos.ovsdb.client.ClientFixture.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ovsqos.ovsdb.OvsdbRpcException;
import org.ovsqos.ovsdb.monitor.MonitorCondSinceResult;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.monitor.MonitorRequests;
import org.ovsqos.ovsdb.monitor.MonitorSelect;
import org.ovsqos.ovsdb.monitor.MonitorUpdate;
import org.ovsqos.ovsdb.monitor.RowUpdate;
import org.ovsqos.ovsdb.monitor.TableUpdates;
import org.ovsqos.ovsdb.monitor.Where;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.Condition;
import org.ovsqos.ovsdb.notation.OvsdbMap;

/**
 * The low-level monitors against a real ovsdb-server: {@code monitor} (RFC 7047 section 4.1.5),
 * {@code monitor_cond}, {@code monitor_cond_change} and {@code monitor_cond_since}
 * (ovsdb-server(7) sections 4.1.12, 4.1.13, 4.1.15) and {@code monitor_cancel} (section 4.1.7).
 * Bridge names are unique per test, since the server is shared.
 */
class MonitorIT extends AgainstOvsdbServer {

    private final List<MonitorUpdate> updates = new CopyOnWriteArrayList<>();

    @ParameterizedTest
    @EnumSource(Transport.class)
    void monitorSendsTheInitialRowsThenEveryChangeAsWholeRows(Transport transport) {
        String firstName = name("first");
        UUID first = addBridge(firstName);
        OvsdbClient client = listeningClient(transport);
        JsonNode id = TextNode.valueOf("monitor-" + transport);

        TableUpdates initial = get(client.monitor(VSWITCH, id,
                Map.of("Bridge", List.of(MonitorRequest.columns("name", "external_ids")))));

        assertThat(rows(initial).get(first)).isInstanceOf(RowUpdate.Initial.class);

        UUID second = addBridge(name("second"));
        server.vsctl("br-set-external-id", firstName, "owner", "it");
        server.vsctl("del-br", name(second));

        await().atMost(WITHIN).until(() -> changesOf(id, second).size() == 2 && changesOf(id, first).size() == 1);
        assertThat(changesOf(id, second)).first().isInstanceOf(RowUpdate.Insert.class);
        assertThat(changesOf(id, second)).last().isInstanceOf(RowUpdate.Delete.class);
        RowUpdate.Modify modify = (RowUpdate.Modify) changesOf(id, first).get(0);
        assertThat(modify.old().columns()).as("the old values of the changed columns only")
                .containsOnlyKeys("external_ids");
        assertThat(modify.row().get("external_ids")).isEqualTo(OvsdbMap.ofStrings(Map.of("owner", "it")));
        assertThat(updates).allSatisfy(u -> assertThat(u.lastTxnId()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void monitorCondReportsOnlyMatchingRowsAndFollowsAConditionChange(Transport transport) {
        String leftName = name("left");
        String rightName = name("right");
        UUID left = addBridge(leftName);
        UUID right = addBridge(rightName);
        OvsdbClient client = listeningClient(transport);
        JsonNode id = TextNode.valueOf("cond-" + transport);
        JsonNode renamed = TextNode.valueOf("cond-changed-" + transport);

        TableUpdates initial = get(client.monitorCond(VSWITCH, id, Map.of("Bridge", List.of(MonitorRequest
                .columns("name", "external_ids").withWhere(Where.anyOf(nameIs(leftName)))))));

        assertThat(rows(initial)).containsOnlyKeys(left);

        get(client.monitorCondChange(id, renamed, Map.of("Bridge", Where.anyOf(nameIs(rightName)))));

        await().atMost(WITHIN).until(() -> changesOf(renamed, left).size() == 1 && changesOf(renamed, right).size() == 1);
        assertThat(changesOf(renamed, left)).singleElement().isInstanceOf(RowUpdate.Delete.class);
        assertThat(changesOf(renamed, right)).singleElement().isInstanceOf(RowUpdate.Insert.class);

        // The left bridge no longer matches: its change must not be reported, the right one's must.
        server.vsctl("br-set-external-id", leftName, "k", "v");
        server.vsctl("br-set-external-id", rightName, "k", "v");

        await().atMost(WITHIN).until(() -> changesOf(renamed, right).size() == 2);
        assertThat(changesOf(renamed, right).get(1)).isInstanceOf(RowUpdate.ModifyDiff.class);
        assertThat(changesOf(renamed, left)).hasSize(1);
        assertThat(changesOf(id, left)).as("nothing under the old id after the change").isEmpty();
    }

    @Test
    void monitorCondSinceOnAStandaloneDatabaseFindsNoHistoryAndSendsEverything() {
        UUID existing = addBridge(name("since"));
        OvsdbClient client = listeningClient(Transport.UNIX);
        JsonNode id = TextNode.valueOf("since");

        MonitorCondSinceResult result = get(client.monitorCondSince(VSWITCH, id,
                Map.of("Bridge", List.of(MonitorRequest.columns("name"))), Optional.of(UUID.randomUUID())));

        assertThat(result.found()).isFalse();
        assertThat(result.lastTxnId()).isEqualTo(MonitorRequests.NO_TXN_ID);
        assertThat(rows(result.updates()).get(existing)).isInstanceOf(RowUpdate.Initial.class);

        UUID added = addBridge(name("since-added"));

        await().atMost(WITHIN).until(() -> changesOf(id, added).size() == 1);
        assertThat(updates).filteredOn(u -> u.monitorId().equals(id))
                .allSatisfy(u -> assertThat(u.lastTxnId()).as("an update3").isPresent());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void monitorCancelStopsTheUpdates(Transport transport) {
        OvsdbClient client = listeningClient(transport);
        JsonNode id = TextNode.valueOf("cancel-" + transport);
        get(client.monitor(VSWITCH, id, Map.of("Bridge", List.of(MonitorRequest.columns("name")))));
        UUID before = addBridge(name("before"));
        await().atMost(WITHIN).until(() -> changesOf(id, before).size() == 1);

        get(client.monitorCancel(id));
        UUID after = addBridge(name("after"));
        // ovsdb-server sends pending updates before any reply: once the echo is back, an update
        // for the new bridge would have arrived.
        get(client.echo());

        assertThat(changesOf(id, after)).isEmpty();
        OvsdbRpcException unknown = failure(client.monitorCancel(id), OvsdbRpcException.class);
        assertThat(unknown.error()).isEqualTo("unknown monitor");
    }

    @Test
    void severalRequestsOfATableGiveEachOfItsColumnsItsOwnSelect() {
        String name = name("several");
        UUID bridge = addBridge(name);
        OvsdbClient client = listeningClient(Transport.UNIX);
        JsonNode id = TextNode.valueOf("several");

        // RFC 7047 4.1.5: an array of requests per table; external_ids without initial or modify.
        TableUpdates initial = get(client.monitor(VSWITCH, id, Map.of("Bridge", List.of(
                MonitorRequest.columns("name", "fail_mode"),
                MonitorRequest.columns("external_ids").withSelect(new MonitorSelect(false, true, true, false))))));

        assertThat(((RowUpdate.Initial) rows(initial).get(bridge)).row().columns())
                .containsOnlyKeys("name", "fail_mode");
        server.vsctl("br-set-external-id", name, "k", "v");
        server.vsctl("set-fail-mode", name, "secure");

        await().atMost(WITHIN).until(() -> changesOf(id, bridge).size() == 2);
        // ovsdb-server 3.1 still reports the row as modified, but leaves out the column whose
        // request does not select modify; the other change comes with its old value.
        RowUpdate.Modify externalIds = (RowUpdate.Modify) changesOf(id, bridge).get(0);
        assertThat(externalIds.old().columns()).isEmpty();
        assertThat(externalIds.row().columns()).containsOnlyKeys("name", "fail_mode");
        RowUpdate.Modify failMode = (RowUpdate.Modify) changesOf(id, bridge).get(1);
        assertThat(failMode.old().columns()).containsOnlyKeys("fail_mode");
        assertThat(failMode.row().get("fail_mode")).isEqualTo(Atom.string("secure"));
    }

    @Test
    void severalConditionalRequestsOfATableShareItsWhere() {
        String leftName = name("shared-left");
        UUID left = addBridge(leftName);
        UUID right = addBridge(name("shared-right"));
        OvsdbClient client = listeningClient(Transport.UNIX);

        TableUpdates initial = get(client.monitorCond(VSWITCH, TextNode.valueOf("shared"), Map.of("Bridge", List.of(
                MonitorRequest.columns("name"),
                MonitorRequest.columns("external_ids").withWhere(Where.anyOf(nameIs(leftName)))))));

        assertThat(rows(initial)).containsOnlyKeys(left).doesNotContainKey(right);
    }

    private OvsdbClient listeningClient(Transport transport) {
        OvsdbClient client = clients.connect(transport.of(server));
        client.addMonitorListener(updates::add);
        return client;
    }

    /** The changes monitor {@code id} reported for row {@code uuid}, in order. */
    private List<RowUpdate> changesOf(JsonNode id, UUID uuid) {
        return updates.stream().filter(u -> u.monitorId().equals(id))
                .flatMap(u -> rows(u.updates()).entrySet().stream())
                .filter(e -> e.getKey().equals(uuid)).map(Map.Entry::getValue).toList();
    }

    private static Map<UUID, RowUpdate> rows(TableUpdates tableUpdates) {
        var table = tableUpdates.tables().get("Bridge");
        return table == null ? Map.of() : table.rows();
    }

    /** Adds a bridge (with its port and interface) and returns the Bridge row's UUID. */
    private static UUID addBridge(String name) {
        server.vsctl("add-br", name);
        return UUID.fromString(server.vsctl("get", "Bridge", name, "_uuid").strip());
    }

    private static Condition nameIs(String name) {
        return Condition.equal("name", Atom.string(name));
    }

    private static String name(String what) {
        return "br-" + what + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    }

    private static String name(UUID bridge) {
        return server.vsctl("get", "Bridge", bridge.toString(), "name").strip().replace("\"", "");
    }
}
