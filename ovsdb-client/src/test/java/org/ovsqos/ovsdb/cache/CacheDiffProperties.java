package org.ovsqos.ovsdb.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ovsqos.ovsdb.cache.TestSchemas.KINDS;
import static org.ovsqos.ovsdb.cache.TestSchemas.KINDS_DB;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

    @Property(tries = 300)
    void update2DiffsAndWholeUpdateRowsBuildTheSameCache(@ForAll("histories") List<List<Step>> history) {
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

    @Property(tries = 200)
    void replaceAllEventsTurnTheOldContentIntoTheNew(@ForAll("contents") Map<Integer, Row> before,
            @ForAll("contents") Map<Integer, Row> after) {
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

    @Provide
    Arbitrary<List<List<Step>>> histories() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, ROWS.size() - 1),
                Arbitraries.integers().between(0, 3).map(n -> n == 0),
                rows(),
                Arbitraries.subsetOf(COLUMNS),
                Arbitraries.of(true, false)).as(Step::new);
        Arbitrary<List<Step>> transaction = step.list().ofMinSize(1).ofMaxSize(3)
                .uniqueElements(Step::row);
        return transaction.list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<Map<Integer, Row>> contents() {
        return Arbitraries.maps(Arbitraries.integers().between(0, ROWS.size() - 1), rows()).ofMaxSize(ROWS.size());
    }

    /** A whole row of table K: every column, each within its type's bounds. */
    static Arbitrary<Row> rows() {
        List<Arbitrary<Value>> columns = new ArrayList<>();
        for (String c : COLUMNS) {
            columns.add(values(KINDS.requireColumn(c)));
        }
        return Combinators.combine(columns).as(values -> {
            var row = new LinkedHashMap<String, Value>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                row.put(COLUMNS.get(i), values.get(i));
            }
            return new Row(row);
        });
    }

    private static Arbitrary<Value> values(ColumnSchema column) {
        Arbitrary<Atom> strings = Arbitraries.of("", "a", "b", "c").map(Atom::string);
        Arbitrary<Atom> ints = Arbitraries.longs().between(0, 4).map(Atom::integer);
        Arbitrary<Atom> reals = Arbitraries.of(0.0, 1.0, 2.5, -3.0).map(Atom::real);
        return switch (column.name()) {
            case "int" -> ints.map(a -> a);
            case "real" -> reals.map(a -> a);
            case "bool" -> Arbitraries.of(true, false).map(Atom::bool);
            case "str" -> strings.map(a -> a);
            case "ref" -> Arbitraries.of(ROWS).map(Atom::uuid);
            case "mode" -> sets(Arbitraries.of("a", "b", "c").map(Atom::string), 0, 1);
            case "opt" -> sets(ints, 0, 1);
            case "tags" -> sets(strings, 0, 4);
            case "reals" -> sets(reals, 0, 4);
            case "few" -> sets(Arbitraries.longs().between(1, 5).map(Atom::integer), 1, 3);
            case "ids" -> maps(strings, Arbitraries.of("v1", "v2").map(Atom::string), 3);
            case "stats" -> maps(Arbitraries.of("rx", "tx").map(Atom::string), ints, 2);
            case "one" -> maps(Arbitraries.of("k", "j").map(Atom::string), ints, 1);
            default -> throw new IllegalArgumentException(column.name());
        };
    }

    private static Arbitrary<Value> sets(Arbitrary<Atom> atoms, int min, int max) {
        return atoms.set().ofMinSize(min).ofMaxSize(max).map(OvsdbSet::copyOf);
    }

    private static Arbitrary<Value> maps(Arbitrary<Atom> keys, Arbitrary<Atom> values, int max) {
        return Arbitraries.maps(keys, values).ofMaxSize(max).map(OvsdbMap::copyOf);
    }
}
