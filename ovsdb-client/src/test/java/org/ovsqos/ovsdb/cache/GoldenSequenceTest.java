package org.ovsqos.ovsdb.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.monitor.TableUpdates;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.OvsdbMap;
import org.ovsqos.ovsdb.notation.OvsdbSet;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.schema.DatabaseSchema;

/**
 * The same seven transactions as ovsdb-server 3.1 reported them to a {@code monitor} (update) and
 * to a {@code monitor_cond} (update2, with diffs) of the same columns: both caches must agree after
 * every step, and emit the same events.
 */
class GoldenSequenceTest {
    private static final DatabaseSchema SCHEMA = TestSchemas.vswitch();
    private static final UUID KVM101 = UUID.fromString("64bc548a-db10-4eaa-8e4d-d1fbc9e598ac");
    private static final UUID BR0 = UUID.fromString("3bc32d0c-249b-4a71-821f-c5dcb53e38f7");

    private static Map<String, MonitorRequest> requests() {
        var requests = new LinkedHashMap<String, MonitorRequest>();
        requests.put("Interface", MonitorRequest.columns("name", "ingress_policing_rate", "statistics", "external_ids",
                "ofport_request", "mtu_request", "type", "_version"));
        requests.put("Bridge", MonitorRequest.columns("name", "ports", "fail_mode", "flood_vlans", "_version"));
        return requests;
    }

    @Test
    void updateAndUpdate2StreamsBuildTheSameCacheAndEvents() {
        JsonNode v1 = TestSchemas.golden("sequence-update.json");
        JsonNode v2 = TestSchemas.golden("sequence-update2.json");
        var events1 = new RecordingListener();
        var events2 = new RecordingListener();
        TableCache cache1 = TableCache.create(SCHEMA, requests(), Runnable::run);
        TableCache cache2 = TableCache.create(SCHEMA, requests(), Runnable::run);
        cache1.addListener(events1);
        cache2.addListener(events2);

        cache1.replaceAll(TableUpdates.fromMonitorReply(v1.get("initial")));
        cache2.replaceAll(TableUpdates.fromUpdate2Json(v2.get("initial")));
        assertThat(cache2.snapshot()).isEqualTo(cache1.snapshot());
        assertThat(cache1.snapshot().size()).isEqualTo(3);

        assertThat(v1.get("updates").size()).isEqualTo(v2.get("updates").size());
        for (int i = 0; i < v1.get("updates").size(); i++) {
            cache1.apply(TableUpdates.fromUpdateJson(v1.get("updates").get(i)));
            cache2.apply(TableUpdates.fromUpdate2Json(v2.get("updates").get(i)));
            assertThat(cache2.snapshot()).as("after transaction %d", i + 1).isEqualTo(cache1.snapshot());
            if (i == 4) {
                checkAfterFifthTransaction(cache2);
            }
        }
        // Within a transaction the two forms list tables and rows in different orders; each
        // transaction's events must be the same, deletions first.
        assertThat(events2.batches).hasSameSizeAs(events1.batches).hasSize(8);
        for (int i = 0; i < events1.batches.size(); i++) {
            assertThat(events2.batches.get(i)).containsExactlyInAnyOrderElementsOf(events1.batches.get(i));
            assertDeletionsFirst(events1.batches.get(i));
            assertDeletionsFirst(events2.batches.get(i));
        }
        assertThat(cache1.rows("Interface")).isEmpty();
        assertThat(cache1.rows("Bridge")).isEmpty();
    }

    private static void assertDeletionsFirst(List<RowEvent> batch) {
        long deletions = batch.stream().filter(e -> e instanceof RowEvent.Deleted).count();
        assertThat(batch.subList(0, (int) deletions)).allMatch(e -> e instanceof RowEvent.Deleted);
    }

    private static void checkAfterFifthTransaction(TableCache cache) {
        Row iface = cache.row("Interface", KVM101).orElseThrow();
        assertThat(iface.uuid()).contains(KVM101);
        assertThat(iface.get("ofport_request")).isEqualTo(OvsdbSet.of(Atom.integer(7)));
        assertThat(iface.get("mtu_request")).isEqualTo(OvsdbSet.of(Atom.integer(1400)));
        assertThat(iface.get("ingress_policing_rate")).isEqualTo(Atom.integer(100));
        assertThat(iface.get("type")).isEqualTo(Atom.string(""));
        assertThat(iface.get("statistics")).isEqualTo(
                OvsdbMap.of(Atom.string("rx_bytes"), Atom.integer(2), Atom.string("tx_bytes"), Atom.integer(4)));
        assertThat(iface.get("external_ids")).isEqualTo(OvsdbMap.ofStrings(Map.of("k2", "v2")));

        Row bridge = cache.row("Bridge", BR0).orElseThrow();
        assertThat(bridge.get("fail_mode")).isEqualTo(OvsdbSet.ofStrings("standalone"));
        assertThat(bridge.get("flood_vlans")).isEqualTo(OvsdbSet.of(Atom.integer(3), Atom.integer(4)));
        assertThat(((OvsdbSet) bridge.get("ports")).size()).isEqualTo(2);
    }

    @Test
    void anInitialReplyAppliedToAnEmptyCacheInsertsEveryRow() {
        JsonNode v2 = TestSchemas.golden("sequence-update2.json");
        List<RowEvent> events = new ArrayList<>();
        TableCache cache = TableCache.create(SCHEMA, requests(), Runnable::run);
        cache.addListener(events::add);

        cache.apply(TableUpdates.fromUpdate2Json(v2.get("initial")));

        assertThat(events).hasSize(3).allMatch(e -> e instanceof RowEvent.Inserted);
        Row br = cache.rows("Bridge").values().stream()
                .filter(r -> r.get("name").equals(Atom.string("br"))).findFirst().orElseThrow();
        assertThat(br.get("ports")).isEqualTo(OvsdbSet.empty());
        assertThat(br.get("flood_vlans")).isEqualTo(OvsdbSet.empty());
        assertThat(br.columns().keySet()).containsExactly("_uuid", "name", "ports", "fail_mode", "flood_vlans", "_version");
    }
}
