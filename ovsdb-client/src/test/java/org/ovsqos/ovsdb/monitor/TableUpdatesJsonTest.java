package org.ovsqos.ovsdb.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.OvsdbMap;
import org.ovsqos.ovsdb.notation.OvsdbSet;
import org.ovsqos.ovsdb.notation.Row;

class TableUpdatesJsonTest {
    private static final UUID IFACE = UUID.fromString("697b198d-432f-4867-b22a-e38931a873db");
    private static final UUID BRIDGE = UUID.fromString("c8534fca-392e-4a6f-8252-2c73aaf0c18d");

    private static RowUpdate only(TableUpdates updates, String table, UUID uuid) {
        assertThat(updates.tables()).containsOnlyKeys(table);
        assertThat(updates.tables().get(table).rows()).containsOnlyKeys(uuid);
        return updates.tables().get(table).rows().get(uuid);
    }

    @Test
    void readsAMonitorReplyAsInitialRowsKeepingBareAtomsAsSent() {
        JsonNode json = Golden.read("monitor-reply.json");
        TableUpdates updates = TableUpdates.fromMonitorReply(json);

        assertThat(updates.tables()).containsOnlyKeys("Interface", "Bridge");
        assertThat(updates.rowCount()).isEqualTo(3);
        assertThat(updates.tables().get("Bridge").rows().get(BRIDGE)).isEqualTo(new RowUpdate.Initial(
                Row.of("name", Atom.string("br2"), "ports", Atom.uuid(UUID.fromString("bbd8cbac-a886-43f9-acec-43d2850b7719")))));
        assertThat(updates.toUpdateJson()).isEqualTo(json);
    }

    @Test
    void readsAnUpdateInsertModifyAndDelete() {
        JsonNode insert = Golden.read("update-insert.json");
        MonitorUpdate inserted = MonitorUpdate.fromUpdateParams(insert);
        assertThat(inserted.monitorId()).isEqualTo(new TextNode("m1"));
        assertThat(inserted.lastTxnId()).isEmpty();
        assertThat(only(inserted.updates(), "Interface", IFACE)).isInstanceOfSatisfying(RowUpdate.Insert.class,
                i -> assertThat(i.row().get("ingress_policing_rate")).isEqualTo(Atom.integer(0)));

        JsonNode modify = Golden.read("update-modify.json");
        RowUpdate modified = only(MonitorUpdate.fromUpdateParams(modify).updates(), "Interface", IFACE);
        assertThat(modified).isInstanceOfSatisfying(RowUpdate.Modify.class, m -> {
            assertThat(m.old().columns()).containsOnlyKeys("_version", "statistics", "external_ids", "ofport_request",
                    "ingress_policing_rate");
            assertThat(m.row().get("ofport_request")).isEqualTo(Atom.integer(5));
            assertThat(m.row().get("statistics")).isEqualTo(
                    OvsdbMap.of(Atom.string("rx_bytes"), Atom.integer(2), Atom.string("tx_bytes"), Atom.integer(3)));
        });

        JsonNode delete = Golden.read("update-delete.json");
        RowUpdate deleted = only(MonitorUpdate.fromUpdateParams(delete).updates(), "Interface", IFACE);
        assertThat(deleted).isInstanceOfSatisfying(RowUpdate.Delete.class,
                d -> assertThat(d.old().get("name")).isEqualTo(Atom.string("a")));

        for (JsonNode params : new JsonNode[] {insert, modify, delete}) {
            assertThat(MonitorUpdate.fromUpdateParams(params).updates().toUpdateJson()).isEqualTo(params.get(1));
        }
    }

    @Test
    void readsAMonitorCondReplyAsInitialRowsWithoutDefaultColumns() {
        JsonNode json = Golden.read("monitor-cond-reply.json");
        RowUpdate initial = only(TableUpdates.fromUpdate2Json(json), "Interface",
                UUID.fromString("25c6a658-935e-4b9f-8508-f8abb716bd0e"));
        assertThat(initial).isInstanceOfSatisfying(RowUpdate.Initial.class, i -> {
            assertThat(i.row().columns()).containsOnlyKeys("ingress_policing_rate", "name", "statistics");
        });
        assertThat(TableUpdates.fromUpdate2Json(json).toUpdate2Json()).isEqualTo(json);
    }

    @Test
    void readsUpdate2InsertModifyDiffAndDelete() {
        JsonNode insert = Golden.read("update2-insert.json");
        assertThat(only(MonitorUpdate.fromUpdate2Params(insert).updates(), "Interface", IFACE))
                .isInstanceOf(RowUpdate.Insert.class);

        JsonNode modify = Golden.read("update2-modify.json");
        assertThat(only(MonitorUpdate.fromUpdate2Params(modify).updates(), "Interface", IFACE))
                .isInstanceOfSatisfying(RowUpdate.ModifyDiff.class, m -> assertThat(m.diff().get("external_ids"))
                        .isEqualTo(OvsdbMap.of(Atom.string("k"), Atom.string("v"), Atom.string("k2"), Atom.string("v2"))));

        JsonNode delete = Golden.read("update2-delete.json");
        assertThat(only(MonitorUpdate.fromUpdate2Params(delete).updates(), "Interface", IFACE))
                .isEqualTo(RowUpdate.Delete.withoutColumns());

        for (JsonNode params : new JsonNode[] {insert, modify, delete}) {
            assertThat(MonitorUpdate.fromUpdate2Params(params).updates().toUpdate2Json()).isEqualTo(params.get(1));
        }
    }

    @Test
    void decodedRowUpdatesAreReadOnly() {
        TableUpdates updates = MonitorUpdate.fromUpdate2Params(Golden.read("update2-modify.json")).updates();
        var rows = updates.tables().get("Interface").rows();

        assertThatThrownBy(() -> rows.put(BRIDGE, RowUpdate.Delete.withoutColumns()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(rows::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(rows).containsOnlyKeys(IFACE);
    }

    @Test
    void readsUpdate3WithItsTransactionId() {
        JsonNode params = Golden.read("update3-modify.json");
        MonitorUpdate update = MonitorUpdate.fromUpdate3Params(params);
        assertThat(update.monitorId()).isEqualTo(new TextNode("m3"));
        assertThat(update.lastTxnId()).contains(new UUID(0, 0));
        assertThat(only(update.updates(), "Interface", IFACE)).isEqualTo(new RowUpdate.ModifyDiff(
                Row.of("_version", Atom.uuid(UUID.fromString("5119037d-d940-468d-a217-1d75724d5b40")),
                        "mtu_request", Atom.integer(1500),
                        "ofport_request", OvsdbSet.empty())));
    }

    @Test
    void readsBothMonitorCondSinceAnswers() {
        MonitorCondSinceResult found = MonitorCondSinceResult.fromJson(Golden.read("monitor-cond-since-reply-found.json"));
        assertThat(found.found()).isTrue();
        assertThat(found.lastTxnId()).isEqualTo(UUID.fromString("a3f2c4d5-0b1e-4c2d-9e8f-7a6b5c4d3e2f"));
        assertThat(only(found.updates(), "Bridge", BRIDGE)).isInstanceOf(RowUpdate.ModifyDiff.class);

        MonitorCondSinceResult notFound = MonitorCondSinceResult.fromJson(Golden.read("monitor-cond-since-reply-not-found.json"));
        assertThat(notFound).isEqualTo(new MonitorCondSinceResult(false, MonitorRequests.NO_TXN_ID, TableUpdates.EMPTY));
        assertThat(notFound.updates().isEmpty()).isTrue();
    }

    @Test
    void buildsTheSameValueItParses() {
        TableUpdates built = TableUpdates.builder()
                .insert("Interface", IFACE, Row.of("name", Atom.string("a")))
                .delete("Bridge", BRIDGE, Row.empty())
                .build();
        assertThat(TableUpdates.fromUpdate2Json(built.toUpdate2Json())).isEqualTo(built);
        assertThat(built.tables().keySet()).containsExactly("Interface", "Bridge");
    }

    @Test
    void refusesToWriteAVariantTheProtocolVersionCannotCarry() {
        TableUpdates diff = TableUpdates.builder().modifyDiff("T", IFACE, Row.empty()).build();
        assertThatThrownBy(diff::toUpdateJson).isInstanceOf(IllegalArgumentException.class);
        TableUpdates pair = TableUpdates.builder().modify("T", IFACE, Row.empty(), Row.empty()).build();
        assertThatThrownBy(pair::toUpdate2Json).isInstanceOf(IllegalArgumentException.class);
        assertThat(Optional.of(pair.rowCount())).contains(1);
    }
}
