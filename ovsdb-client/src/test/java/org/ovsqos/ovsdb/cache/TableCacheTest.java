package org.ovsqos.ovsdb.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ovsqos.ovsdb.cache.TestSchemas.KINDS_DB;

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

class TableCacheTest {
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final UUID D = UUID.fromString("00000000-0000-0000-0000-00000000000d");

    private final RecordingListener events = new RecordingListener();

    private TableCache cache(MonitorRequest request) {
        TableCache cache = TableCache.create(KINDS_DB, Map.of("K", request), Runnable::run);
        cache.addListener(events);
        return cache;
    }

    private TableCache cacheOfAllColumns() {
        return cache(MonitorRequest.allColumns());
    }

    private static TableUpdates insert(UUID uuid, Row row) {
        return TableUpdates.builder().insert("K", uuid, row).build();
    }

    private static TableUpdates diff(UUID uuid, Row diff) {
        return TableUpdates.builder().modifyDiff("K", uuid, diff).build();
    }

    @Test
    void fillsTheColumnsAnUpdate2InsertOmitsWithTheirDefaults() {
        TableCache cache = cacheOfAllColumns();
        cache.apply(insert(A, Row.of("str", Atom.string("x"), "tags", Atom.string("t"))));

        Row row = cache.row("K", A).orElseThrow();
        assertThat(row.uuid()).contains(A);
        assertThat(row.get("str")).isEqualTo(Atom.string("x"));
        assertThat(row.get("tags")).isEqualTo(OvsdbSet.ofStrings("t"));
        assertThat(row.get("int")).isEqualTo(Atom.integer(0));
        assertThat(row.get("real")).isEqualTo(Atom.real(0));
        assertThat(row.get("opt")).isEqualTo(OvsdbSet.empty());
        assertThat(row.get("few")).isEqualTo(OvsdbSet.of(Atom.integer(0)));
        assertThat(row.get("ids")).isEqualTo(OvsdbMap.empty());
        assertThat(row.get("_version")).isEqualTo(Atom.uuid(new UUID(0, 0)));
        assertThat(events.events()).containsExactly(new RowEvent.Inserted("K", A, row));
    }

    @Test
    void keepsOnlyTheMonitoredColumns() {
        TableCache cache = cache(MonitorRequest.columns("str", "stats"));
        cache.apply(insert(A, Row.of("str", Atom.string("x"))));
        assertThat(cache.row("K", A).orElseThrow().columns().keySet()).containsExactly("_uuid", "str", "stats");

        assertThatThrownBy(() -> cache.apply(diff(A, Row.of("int", Atom.integer(1)))))
                .isInstanceOf(CacheUpdateException.class).hasMessage("table K row " + A + ": column int is not monitored");
        assertThatThrownBy(() -> cache.apply(diff(A, Row.of("bogus", Atom.integer(1)))))
                .isInstanceOf(CacheUpdateException.class).hasMessageContaining("column bogus is not in the schema");
    }

    @Test
    void appliesAnUpdateModifyAndChecksItsOldValues() {
        TableCache cache = cacheOfAllColumns();
        cache.apply(insert(A, Row.of("int", Atom.integer(1), "str", Atom.string("x"))));
        Row before = cache.row("K", A).orElseThrow();
        Row after = before.with("int", Atom.integer(2)).without("_uuid");

        cache.apply(TableUpdates.builder().modify("K", A, Row.of("int", Atom.integer(1)), after).build());
        assertThat(cache.row("K", A).orElseThrow().get("int")).isEqualTo(Atom.integer(2));
        RowEvent.Modified modified = (RowEvent.Modified) events.events().get(1);
        assertThat(modified.changedColumns()).containsExactly("int");
        assertThat(modified.oldRow()).isEqualTo(before);

        assertThatThrownBy(() -> cache.apply(TableUpdates.builder()
                .modify("K", A, Row.of("int", Atom.integer(7)), after.with("int", Atom.integer(3))).build()))
                .isInstanceOf(CacheUpdateException.class)
                .hasMessageContaining("modify says column int was 7 but the cache holds 2");
    }

    @Test
    void anUpdateLeavesTheSnapshotTakenBeforeItAsItWas() {
        TableCache cache = cacheOfAllColumns();
        cache.apply(insert(A, Row.of("int", Atom.integer(1))));
        CacheSnapshot before = cache.snapshot();
        Row rowBefore = before.rows("K").get(A);

        cache.apply(diff(A, Row.of("int", Atom.integer(2))));
        cache.apply(insert(B, Row.of("int", Atom.integer(3))));

        assertThat(before.rows("K")).containsOnlyKeys(A).containsEntry(A, rowBefore);
        assertThat(cache.rows("K")).containsOnlyKeys(A, B);
        assertThat(cache.row("K", A).orElseThrow().get("int")).isEqualTo(Atom.integer(2));
        assertThatThrownBy(() -> cache.rows("K").remove(A)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsUpdatesThatContradictTheCacheAndChangesNothing() {
        TableCache cache = cacheOfAllColumns();
        cache.apply(insert(A, Row.of("tags", OvsdbSet.ofStrings("a"))));
        CacheSnapshot before = cache.snapshot();
        int eventsBefore = events.events().size();

        List<TableUpdates> bad = List.of(
                diff(B, Row.of("int", Atom.integer(1))),
                insert(A, Row.empty()),
                TableUpdates.builder().initial("K", A, Row.empty()).build(),
                TableUpdates.builder().delete("K", B, Row.empty()).build(),
                diff(A, Row.of("tags", OvsdbMap.of(Atom.string("a"), Atom.string("b")))),
                diff(A, Row.of("_uuid", Atom.uuid(B))),
                insert(B, Row.of("_uuid", Atom.uuid(C))),
                TableUpdates.builder().insert("Nope", B, Row.empty()).build(),
                // Atomic: the good first row must not survive the bad second one.
                TableUpdates.builder().insert("K", B, Row.empty()).modifyDiff("K", C, Row.empty()).build());
        for (TableUpdates update : bad) {
            assertThatThrownBy(() -> cache.apply(update)).as(update.toString()).isInstanceOf(CacheUpdateException.class);
            assertThat(cache.snapshot()).isSameAs(before);
        }
        assertThat(events.events()).hasSize(eventsBefore);
    }

    @Test
    void namesTheTableAndRowOfARejectedUpdate() {
        TableCache cache = cacheOfAllColumns();
        assertThatThrownBy(() -> cache.apply(diff(B, Row.empty())))
                .isInstanceOfSatisfying(CacheUpdateException.class, e -> {
                    assertThat(e.table()).isEqualTo("K");
                    assertThat(e.row()).contains(B);
                    assertThat(e).hasMessage("table K row " + B + ": modify (update2 diff) of a row the cache does not hold");
                });
        cache.apply(insert(A, Row.empty()));
        assertThatThrownBy(() -> cache.apply(diff(A, Row.of("few", OvsdbSet.of(Atom.integer(0))))))
                .isInstanceOf(CacheUpdateException.class)
                .hasMessageStartingWith("table K row " + A + ": column few: diff")
                .hasMessageContaining("leaves 0 elements");
    }

    @Test
    void sendsNoEventForAModifyThatChangesNothing() {
        TableCache cache = cacheOfAllColumns();
        cache.apply(insert(A, Row.of("int", Atom.integer(1))));
        cache.apply(diff(A, Row.of("int", Atom.integer(1), "ids", OvsdbMap.empty())));
        assertThat(events.batches).hasSize(1);
    }

    @Test
    void replacesAllContentWithOnlyTheDifferenceAsEvents() {
        TableCache cache = cacheOfAllColumns();
        cache.apply(TableUpdates.builder()
                .insert("K", A, Row.of("int", Atom.integer(1)))
                .insert("K", B, Row.of("int", Atom.integer(2)))
                .insert("K", C, Row.of("int", Atom.integer(3)))
                .build());
        Row a = cache.row("K", A).orElseThrow();
        Row b = cache.row("K", B).orElseThrow();
        Row c = cache.row("K", C).orElseThrow();
        events.batches.clear();

        cache.replaceAll(TableUpdates.builder()
                .initial("K", D, Row.of("int", Atom.integer(4)))
                .initial("K", B, Row.of("int", Atom.integer(20)))
                .initial("K", A, Row.of("int", Atom.integer(1)))
                .build());

        Row d = cache.row("K", D).orElseThrow();
        Row b2 = cache.row("K", B).orElseThrow();
        assertThat(events.batches).containsExactly(List.of(
                new RowEvent.Deleted("K", C, c),
                new RowEvent.Inserted("K", D, d),
                new RowEvent.Modified("K", B, b, b2)));
        assertThat(cache.rows("K")).containsOnlyKeys(A, B, D).containsEntry(A, a);
    }

    @Test
    void replacingWithTheSameContentSendsNothing() {
        TableCache cache = cacheOfAllColumns();
        TableUpdates content = TableUpdates.builder().initial("K", A, Row.of("tags", Atom.string("x"))).build();
        cache.replaceAll(content);
        cache.replaceAll(content);
        cache.replaceAll(TableUpdates.builder().insert("K", A, Row.of("tags", OvsdbSet.ofStrings("x"))).build());
        assertThat(events.batches).hasSize(1);
    }

    @Test
    void replacingWithNothingDeletesEverything() {
        TableCache cache = cacheOfAllColumns();
        cache.apply(insert(A, Row.empty()));
        cache.replaceAll(TableUpdates.EMPTY);
        assertThat(cache.rows("K")).isEmpty();
        assertThat(events.events()).last().isInstanceOf(RowEvent.Deleted.class);
    }

    @Test
    void replaceAllTakesOnlyInitialRows() {
        TableCache cache = cacheOfAllColumns();
        cache.apply(insert(A, Row.empty()));
        assertThatThrownBy(() -> cache.replaceAll(diff(A, Row.empty())))
                .isInstanceOf(CacheUpdateException.class).hasMessageContaining("replaceAll takes initial rows");
        assertThatThrownBy(() -> cache.replaceAll(TableUpdates.builder().initial("Other", A, Row.empty()).build()))
                .isInstanceOf(CacheUpdateException.class).hasMessageContaining("not monitored");
        assertThat(cache.rows("K")).containsOnlyKeys(A);
    }

    @Test
    void refusesToMonitorWhatTheSchemaLacks() {
        assertThatThrownBy(() -> TableCache.create(KINDS_DB, Map.of("Nope", MonitorRequest.allColumns()), Runnable::run))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no table Nope");
        assertThatThrownBy(() -> TableCache.create(KINDS_DB, Map.of("K", MonitorRequest.columns("nope")), Runnable::run))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column nope");
        assertThatThrownBy(() -> cacheOfAllColumns().rows("Nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
