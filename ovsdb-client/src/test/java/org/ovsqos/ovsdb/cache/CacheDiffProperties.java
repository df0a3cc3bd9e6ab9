package org.ovsqos.ovsdb.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.ovsdb.cache.TestSchemas.KINDS;
import static org.ovsqos.ovsdb.cache.TestSchemas.KINDS_DB;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.ovsqos.ovsdb.monitor.MonitorRequest;
import org.ovsqos.ovsdb.monitor.TableUpdates;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.OvsdbMap;
import org.ovsqos.ovsdb.notation.OvsdbSet;
import org.ovsqos.ovsdb.notation.RealAtom;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.notation.Value;
import org.ovsqos.ovsdb.schema.ColumnSchema;
import org.ovsqos.ovsdb.schema.ColumnType;

/**
 * For random histories of row changes, the update2 stream (defaults omitted from inserts, diffs
 * for modifies, computed here the way ovsdb-server computes them) and the update stream (whole new
 * rows) build the same cache, and that cache is the history's model after every transaction.
 */
class CacheDiffProperties {
    private static final List<UUID> ROWS = List.of(new UUID(1, 1), new UUID(1, 2), new UUID(1, 3), new UUID(1, 4));
    private static final List<String> COLUMNS = KINDS.monitorableColumns().stream()
            .filter(c -> !c.equals(Row.VERSION_COLUMN)).toList();

    /** One row's change in a transaction: inserted if absent, else deleted or modified. */
    record Step(int row, boolean delete, Row candidate, Set<String> changed, boolean bareAtoms) {
    }

    @Test
    void update2DiffsAndWholeUpdateRowsBuildTheSameCache() {
        qt().withExamples(300).forAll(histories()).checkAssert(CacheDiffProperties::replayBothWays);
    }

    private static void replayBothWays(List<List<Step>> history) {
        TableCache viaUpdate = TableCache.create(KINDS_DB, Map.of("K", MonitorRequest.columns(COLUMNS.toArray(String[]::new))), Runnable::run);
        TableCache viaUpdate2 = TableCache.create(KINDS_DB, Map.of("K", MonitorRequest.columns(COLUMNS.toArray(String[]::new))), Runnable::run);
        Map<UUID, Row> model = new HashMap<>();

        for (List<Step> transaction : history) {
            TableUpdates.Builder v1 = TableUpdates.builder();
            TableUpdates.Builder v2 = TableUpdates.builder();
            for (Step step : transaction) {
                UUID uuid = ROWS.get(step.row());
                Row old = model.get(uuid);
                if (old == null) {
                    Row row = step.candidate();
                    v1.insert("K", uuid, wire(row, step.bareAtoms()));
                    v2.insert("K", uuid, wire(withoutDefaults(row), step.bareAtoms()));
                    model.put(uuid, row);
                } else if (step.delete()) {
                    v1.delete("K", uuid, wire(old, step.bareAtoms()));
                    v2.add("K", uuid, org.ovsqos.ovsdb.monitor.RowUpdate.Delete.withoutColumns());
                    model.remove(uuid);
                } else {
                    Row neu = old;
                    for (String c : step.changed()) {
                        neu = neu.with(c, step.candidate().get(c));
                    }
                    v1.modify("K", uuid, wire(changedColumns(old, neu, old), step.bareAtoms()), wire(neu, step.bareAtoms()));
                    v2.modifyDiff("K", uuid, wire(diff(old, neu), step.bareAtoms()));
                    model.put(uuid, neu);
                }
            }
            viaUpdate.apply(v1.build());
            viaUpdate2.apply(v2.build());

            Map<UUID, Row> expected = new HashMap<>();
            model.forEach((uuid, row) -> expected.put(uuid, withUuid(uuid, row)));
            assertThat(viaUpdate.rows("K")).isEqualTo(expected);
            assertThat(viaUpdate2.rows("K")).isEqualTo(expected);
        }
    }

    @Test
    void replaceAllEventsTurnTheOldContentIntoTheNew() {
        qt().withExamples(200).forAll(contents(), contents())
                .checkAssert(CacheDiffProperties::replaceAndCheckEvents);
    }

    private static void replaceAndCheckEvents(Map<Integer, Row> before, Map<Integer, Row> after) {
        TableCache cache = TableCache.create(KINDS_DB, Map.of("K", MonitorRequest.columns(COLUMNS.toArray(String[]::new))), Runnable::run);
        cache.replaceAll(initial(before));
        Map<UUID, Row> replica = new HashMap<>(cache.rows("K"));
        RecordingListener events = new RecordingListener();
        cache.addListener(events);

        cache.replaceAll(initial(after));

        for (RowEvent event : events.events()) {
            if (event instanceof RowEvent.Inserted i) {
                assertThat(replica.put(i.uuid(), i.row())).isNull();
            } else if (event instanceof RowEvent.Modified m) {
                assertThat(replica.put(m.uuid(), m.newRow())).isEqualTo(m.oldRow()).isNotEqualTo(m.newRow());
            } else {
                assertThat(replica.remove(event.uuid())).isEqualTo(((RowEvent.Deleted) event).oldRow());
            }
        }
        assertThat(replica).isEqualTo(cache.rows("K"));
        long unchanged = before.keySet().stream().filter(k -> after.containsKey(k) && before.get(k).equals(after.get(k))).count();
        assertThat(events.events()).hasSize(new LinkedHashSet<>(union(before.keySet(), after.keySet())).size() - (int) unchanged);
    }

    private static TableUpdates initial(Map<Integer, Row> content) {
        TableUpdates.Builder b = TableUpdates.builder();
        content.forEach((i, row) -> b.initial("K", ROWS.get(i), withoutDefaults(row)));
        return b.build();
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        var u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    // ------------------------------------------------------------- the diff, as ovsdb-server makes it

    /** The changed columns of {@code neu}, each as an update2 diff from {@code old}. */
    static Row diff(Row old, Row neu) {
        var diff = new LinkedHashMap<String, Value>();
        neu.columns().forEach((c, v) -> {
            if (!v.equals(old.get(c))) {
                diff.put(c, columnDiff(KINDS.requireColumn(c).type(), old.get(c), v));
            }
        });
        return new Row(diff);
    }

    private static Value columnDiff(ColumnType type, Value old, Value neu) {
        if (!type.isComposite()) {
            return neu;
        }
        if (type.isMap()) {
            var o = ((OvsdbMap) old).entries();
            var n = ((OvsdbMap) neu).entries();
            var d = new LinkedHashMap<Atom, Atom>();
            o.forEach((k, v) -> {
                if (!n.containsKey(k)) {
                    d.put(k, v);
                }
            });
            n.forEach((k, v) -> {
                if (!v.equals(o.get(k))) {
                    d.put(k, v);
                }
            });
            return new OvsdbMap(d);
        }
        var o = ((OvsdbSet) old).elements();
        var n = ((OvsdbSet) neu).elements();
        var d = new LinkedHashSet<Atom>();
        o.stream().filter(a -> !n.contains(a)).forEach(d::add);
        n.stream().filter(a -> !o.contains(a)).forEach(d::add);
        return new OvsdbSet(d);
    }

    private static Row changedColumns(Row old, Row neu, Row source) {
        var changed = new LinkedHashMap<String, Value>();
        neu.columns().forEach((c, v) -> {
            if (!v.equals(old.get(c))) {
                changed.put(c, source.get(c));
            }
        });
        return new Row(changed);
    }

    private static Row withoutDefaults(Row row) {
        var kept = new LinkedHashMap<String, Value>();
        row.columns().forEach((c, v) -> {
            if (!v.equals(KINDS.requireColumn(c).type().defaultValue())) {
                kept.put(c, v);
            }
        });
        return new Row(kept);
    }

    private static Row withUuid(UUID uuid, Row row) {
        var all = new LinkedHashMap<String, Value>();
        all.put(Row.UUID_COLUMN, Atom.uuid(uuid));
        all.putAll(row.columns());
        return new Row(all);
    }

    /**
     * {@code row} as a server may legally send it: a one-element set as its bare atom, an
     * integral real as an integer.
     */
    private static Row wire(Row row, boolean bareAtoms) {
        if (!bareAtoms) {
            return row;
        }
        var out = new LinkedHashMap<String, Value>();
        row.columns().forEach((c, v) -> out.put(c, wire(v)));
        return new Row(out);
    }

    private static Value wire(Value v) {
        if (v instanceof OvsdbSet s) {
            var elements = new ArrayList<Atom>();
            s.elements().forEach(a -> elements.add(wireAtom(a)));
            return elements.size() == 1 ? elements.get(0) : OvsdbSet.copyOf(elements);
        }
        if (v instanceof OvsdbMap m) {
            var entries = new LinkedHashMap<Atom, Atom>();
            m.entries().forEach((k, x) -> entries.put(wireAtom(k), wireAtom(x)));
            return new OvsdbMap(entries);
        }
        return wireAtom((Atom) v);
    }

    private static Atom wireAtom(Atom a) {
        if (a instanceof RealAtom r && r.value() == Math.rint(r.value())) {
            return Atom.integer((long) r.value());
        }
        return a;
    }

    // ------------------------------------------------------------- generators

    static Gen<List<List<Step>>> histories() {
        Gen<Set<String>> changed = lists().of(booleans().all()).ofSize(COLUMNS.size()).map(flags -> {
            Set<String> subset = new LinkedHashSet<>();
            for (int i = 0; i < flags.size(); i++) {
                if (flags.get(i)) {
                    subset.add(COLUMNS.get(i));
                }
            }
            return subset;
        });
        Gen<Step> step = integers().between(0, ROWS.size() - 1).zip(
                integers().between(0, 3).map(n -> n == 0), rows(), changed,
                (row, delete, candidate, columns) -> new Step(row, delete, candidate, columns, false))
                .zip(booleans().all(), (s, bare) -> new Step(s.row(), s.delete(), s.candidate(), s.changed(), bare));
        Gen<List<Step>> transaction = lists().of(step).ofSizeBetween(1, 3).map(steps -> {
            Map<Integer, Step> byRow = new LinkedHashMap<>();
            steps.forEach(st -> byRow.putIfAbsent(st.row(), st));
            return List.copyOf(byRow.values());
        });
        return lists().of(transaction).ofSizeBetween(1, 12);
    }

    static Gen<Map<Integer, Row>> contents() {
        return lists().of(integers().between(0, ROWS.size() - 1).zip(rows(), Map::entry))
                .ofSizeBetween(0, ROWS.size()).map(entries -> {
                    Map<Integer, Row> content = new LinkedHashMap<>();
                    entries.forEach(e -> content.putIfAbsent(e.getKey(), e.getValue()));
                    return content;
                });
    }

    /** A whole row of table K: every column, each within its type's bounds. */
    static Gen<Row> rows() {
        List<Gen<Value>> columns = new ArrayList<>();
        for (String c : COLUMNS) {
            columns.add(values(KINDS.requireColumn(c)));
        }
        return random -> {
            var row = new LinkedHashMap<String, Value>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                row.put(COLUMNS.get(i), columns.get(i).generate(random));
            }
            return new Row(row);
        };
    }

    private static Gen<Value> values(ColumnSchema column) {
        Gen<Atom> strings = Generate.pick(List.of("", "a", "b", "c")).map(Atom::string);
        Gen<Atom> ints = longs().between(0, 4).map(Atom::integer);
        Gen<Atom> reals = Generate.pick(List.of(0.0, 1.0, 2.5, -3.0)).map(Atom::real);
        return switch (column.name()) {
            case "int" -> ints.map(a -> a);
            case "real" -> reals.map(a -> a);
            case "bool" -> booleans().all().map(Atom::bool);
            case "str" -> strings.map(a -> a);
            case "ref" -> Generate.pick(ROWS).map(Atom::uuid);
            case "mode" -> sets(Generate.pick(List.of("a", "b", "c")).map(Atom::string), 0, 1);
            case "opt" -> sets(ints, 0, 1);
            case "tags" -> sets(strings, 0, 4);
            case "reals" -> sets(reals, 0, 4);
            case "few" -> sets(longs().between(1, 5).map(Atom::integer), 1, 3);
            case "ids" -> maps(strings, Generate.pick(List.of("v1", "v2")).map(Atom::string), 3);
            case "stats" -> maps(Generate.pick(List.of("rx", "tx")).map(Atom::string), ints, 2);
            case "one" -> maps(Generate.pick(List.of("k", "j")).map(Atom::string), ints, 1);
            default -> throw new IllegalArgumentException(column.name());
        };
    }

    private static Gen<Value> sets(Gen<Atom> atoms, int min, int max) {
        return lists().of(atoms).ofSizeBetween(min, max).map(list -> OvsdbSet.copyOf(new LinkedHashSet<>(list)));
    }

    private static Gen<Value> maps(Gen<Atom> keys, Gen<Atom> values, int max) {
        return lists().of(keys.zip(values, Map::entry)).ofSizeBetween(0, max).map(entries -> {
            Map<Atom, Atom> map = new LinkedHashMap<>();
            entries.forEach(e -> map.putIfAbsent(e.getKey(), e.getValue()));
            return OvsdbMap.copyOf(map);
        });
    }
}
