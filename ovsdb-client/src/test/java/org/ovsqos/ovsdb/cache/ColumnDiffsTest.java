package org.ovsqos.ovsdb.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ovsqos.ovsdb.cache.TestSchemas.KINDS;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.OvsdbMap;
import org.ovsqos.ovsdb.notation.OvsdbSet;
import org.ovsqos.ovsdb.notation.Value;
import org.ovsqos.ovsdb.schema.ColumnType;

/** The update2 diff rules of ovsdb-server(7) section 4.1.14, one column kind at a time. */
class ColumnDiffsTest {

    private static Value apply(String column, Value current, Value diff) {
        ColumnType type = KINDS.requireColumn(column).type();
        return ColumnDiffs.apply(type, ColumnDiffs.diffType(type), current, diff);
    }

    private static OvsdbMap map(String... kv) {
        var m = new java.util.LinkedHashMap<Atom, Atom>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(Atom.string(kv[i]), Atom.string(kv[i + 1]));
        }
        return new OvsdbMap(m);
    }

    @Test
    void replacesScalarsWithTheNewValue() {
        assertThat(apply("int", Atom.integer(1), Atom.integer(1))).as("same value is not a toggle").isEqualTo(Atom.integer(1));
        assertThat(apply("int", Atom.integer(1), Atom.integer(2))).isEqualTo(Atom.integer(2));
        assertThat(apply("real", Atom.real(1.5), Atom.integer(2))).isEqualTo(Atom.real(2));
        assertThat(apply("bool", Atom.bool(false), Atom.bool(true))).isEqualTo(Atom.bool(true));
        assertThat(apply("str", Atom.string("a"), Atom.string(""))).isEqualTo(Atom.string(""));
        UUID u = UUID.randomUUID();
        assertThat(apply("ref", Atom.uuid(new UUID(0, 0)), Atom.uuid(u))).isEqualTo(Atom.uuid(u));
    }

    @Test
    void replacesOptionalValuesRatherThanTogglingThem() {
        // ovsdb-server sends the new value for any column of at most one element: 5 -> 7 is "7",
        // not ["set",[5,7]], and clearing is the empty set.
        assertThat(apply("opt", OvsdbSet.of(Atom.integer(5)), Atom.integer(7))).isEqualTo(OvsdbSet.of(Atom.integer(7)));
        assertThat(apply("opt", OvsdbSet.of(Atom.integer(5)), Atom.integer(5))).isEqualTo(OvsdbSet.of(Atom.integer(5)));
        assertThat(apply("opt", OvsdbSet.of(Atom.integer(5)), OvsdbSet.empty())).isEqualTo(OvsdbSet.empty());
        assertThat(apply("opt", OvsdbSet.empty(), Atom.integer(5))).isEqualTo(OvsdbSet.of(Atom.integer(5)));
        assertThat(apply("mode", OvsdbSet.ofStrings("a"), Atom.string("b"))).isEqualTo(OvsdbSet.ofStrings("b"));
    }

    @Test
    void replacesAMapOfAtMostOnePairWithTheNewValue() {
        OvsdbMap old = OvsdbMap.of(Atom.string("k"), Atom.integer(1));
        assertThat(apply("one", old, OvsdbMap.of(Atom.string("j"), Atom.integer(2)))).isEqualTo(OvsdbMap.of(Atom.string("j"), Atom.integer(2)));
        assertThat(apply("one", old, old)).isEqualTo(old);
        assertThat(apply("one", old, OvsdbMap.empty())).isEqualTo(OvsdbMap.empty());
    }

    @Test
    void togglesSetElements() {
        OvsdbSet old = OvsdbSet.ofStrings("a", "b");
        assertThat(apply("tags", old, OvsdbSet.ofStrings("c"))).isEqualTo(OvsdbSet.ofStrings("a", "b", "c"));
        assertThat(apply("tags", old, OvsdbSet.ofStrings("a"))).isEqualTo(OvsdbSet.ofStrings("b"));
        assertThat(apply("tags", old, OvsdbSet.ofStrings("a", "c"))).isEqualTo(OvsdbSet.ofStrings("b", "c"));
        assertThat(apply("tags", old, OvsdbSet.ofStrings("a", "b"))).isEqualTo(OvsdbSet.empty());
        assertThat(apply("tags", old, Atom.string("b"))).as("a one-element diff may be the bare atom").isEqualTo(OvsdbSet.ofStrings("a"));
        assertThat(apply("reals", OvsdbSet.of(Atom.real(1)), Atom.integer(1))).as("1 is the real 1.0").isEqualTo(OvsdbSet.empty());
    }

    @Test
    void letsADiffExceedTheBoundsAsLongAsTheResultFits() {
        OvsdbSet old = OvsdbSet.of(Atom.integer(1), Atom.integer(2), Atom.integer(3));
        OvsdbSet swapAll = OvsdbSet.of(Atom.integer(1), Atom.integer(2), Atom.integer(3), Atom.integer(4), Atom.integer(5));
        assertThat(apply("few", old, swapAll)).isEqualTo(OvsdbSet.of(Atom.integer(4), Atom.integer(5)));
        assertThatThrownBy(() -> apply("few", old, Atom.integer(4)))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("leaves 4 elements");
        assertThatThrownBy(() -> apply("few", old, old))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("leaves 0 elements");
    }

    @Test
    void addsRemovesAndReplacesMapPairs() {
        OvsdbMap old = map("keep", "1", "drop", "2", "change", "3");
        OvsdbMap diff = map("drop", "2", "change", "4", "add", "5");
        assertThat(apply("ids", old, diff)).isEqualTo(map("keep", "1", "change", "4", "add", "5"));
        assertThat(apply("ids", old, OvsdbSet.empty())).as("an empty diff").isEqualTo(old);
        assertThat(apply("stats", OvsdbMap.of(Atom.string("rx_bytes"), Atom.integer(1)),
                OvsdbMap.of(Atom.string("rx_bytes"), Atom.integer(2))))
                .isEqualTo(OvsdbMap.of(Atom.string("rx_bytes"), Atom.integer(2)));
        assertThat(Map.copyOf(((OvsdbMap) apply("ids", OvsdbMap.empty(), map("a", "b"))).entries())).hasSize(1);
    }

    @Test
    void anEmptyDiffLeavesTheCachedValueItself() {
        OvsdbMap ids = map("a", "b");
        OvsdbSet tags = OvsdbSet.ofStrings("x");
        assertThat(apply("ids", ids, OvsdbSet.empty())).isSameAs(ids);
        assertThat(apply("ids", ids, OvsdbMap.empty())).isSameAs(ids);
        assertThat(apply("tags", tags, OvsdbSet.empty())).isSameAs(tags);
    }

    @Test
    void readsDiffsOfCompositeColumnsWithoutBoundsAndOthersWithTheColumnType() {
        ColumnType few = KINDS.requireColumn("few").type();
        ColumnType opt = KINDS.requireColumn("opt").type();
        assertThat(ColumnDiffs.diffType(few)).isEqualTo(few.withBounds(0, ColumnType.UNLIMITED));
        assertThat(ColumnDiffs.diffType(opt)).isSameAs(opt);
    }

    @Test
    void rejectsADiffOfTheWrongType() {
        assertThatThrownBy(() -> apply("tags", OvsdbSet.empty(), map("a", "b")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("got map");
        assertThatThrownBy(() -> apply("ids", OvsdbMap.empty(), OvsdbSet.ofStrings("a")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("expected map");
        assertThatThrownBy(() -> apply("stats", OvsdbMap.empty(), map("rx", "many")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("expected integer");
        assertThatThrownBy(() -> apply("int", Atom.integer(1), Atom.string("2")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("expected integer");
        assertThatThrownBy(() -> apply("opt", OvsdbSet.empty(), OvsdbSet.of(Atom.integer(1), Atom.integer(2))))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("2 elements");
    }
}
