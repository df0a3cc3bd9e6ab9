package org.ovsqos.ovsdb.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.OvsdbMap;
import org.ovsqos.ovsdb.notation.OvsdbSet;
import org.ovsqos.ovsdb.notation.Row;
import org.ovsqos.ovsdb.notation.Value;

class ColumnTypeTest {
    private static final BaseType INTEGER = BaseType.of(AtomicType.INTEGER);
    private static final BaseType REAL = BaseType.of(AtomicType.REAL);
    private static final BaseType STRING = BaseType.of(AtomicType.STRING);

    @Test
    void turnsABareAtomForASetColumnIntoAOneElementSet() {
        ColumnType ports = ColumnType.set(BaseType.reference("Port", RefType.STRONG), 0, ColumnType.UNLIMITED);
        UUID port = UUID.randomUUID();
        assertThat(ports.normalize(Atom.uuid(port))).isEqualTo(OvsdbSet.of(Atom.uuid(port)));
    }

    @Test
    void keepsOptionalColumnsAsSets() {
        ColumnType optional = ColumnType.optional(INTEGER);
        assertThat(optional.normalize(Atom.integer(5))).isEqualTo(OvsdbSet.of(Atom.integer(5)));
        assertThat(optional.normalize(OvsdbSet.empty())).isEqualTo(OvsdbSet.empty());
        assertThat(optional.defaultValue()).isEqualTo(OvsdbSet.empty());
    }

    @Test
    void unwrapsAOneElementSetForAScalarColumn() {
        assertThat(ColumnType.scalar(STRING).normalize(OvsdbSet.ofStrings("x"))).isEqualTo(Atom.string("x"));
    }

    @Test
    void turnsIntegersIntoRealsEverywhereARealIsExpected() {
        assertThat(ColumnType.scalar(REAL).normalize(Atom.integer(2))).isEqualTo(Atom.real(2.0));
        assertThat(ColumnType.set(REAL, 0, 5).normalize(OvsdbSet.of(Atom.integer(1), Atom.real(2.5))))
                .isEqualTo(OvsdbSet.of(Atom.real(1), Atom.real(2.5)));
        assertThat(ColumnType.map(STRING, REAL, 0, ColumnType.UNLIMITED).normalize(OvsdbMap.of(Atom.string("a"), Atom.integer(3))))
                .isEqualTo(OvsdbMap.of(Atom.string("a"), Atom.real(3)));
    }

    @Test
    void returnsACanonicalSetOrMapItselfRatherThanACopy() {
        OvsdbSet strings = OvsdbSet.ofStrings("a", "b");
        OvsdbMap counters = OvsdbMap.of(Atom.string("rx_bytes"), Atom.integer(1), Atom.string("tx_bytes"), Atom.integer(2));
        OvsdbMap weights = OvsdbMap.of(Atom.string("a"), Atom.real(0.5));

        assertThat(ColumnType.set(STRING, 0, ColumnType.UNLIMITED).normalize(strings)).isSameAs(strings);
        assertThat(ColumnType.optional(STRING).normalize(OvsdbSet.empty())).isSameAs(OvsdbSet.empty());
        assertThat(ColumnType.map(STRING, INTEGER, 0, ColumnType.UNLIMITED).normalize(counters)).isSameAs(counters);
        assertThat(ColumnType.map(STRING, REAL, 0, 1).normalize(weights)).isSameAs(weights);
    }

    @Test
    void buildsANormalizedCopyOnlyWhenAnAtomChanges() {
        OvsdbSet mixed = OvsdbSet.of(Atom.real(0.5), Atom.integer(2));
        OvsdbMap integral = OvsdbMap.of(Atom.string("a"), Atom.real(0.5), Atom.string("b"), Atom.integer(2));

        Value set = ColumnType.set(REAL, 0, 5).normalize(mixed);
        Value map = ColumnType.map(STRING, REAL, 0, ColumnType.UNLIMITED).normalize(integral);

        assertThat(set).isNotSameAs(mixed).isEqualTo(OvsdbSet.of(Atom.real(0.5), Atom.real(2)));
        assertThat(((OvsdbSet) set).elements()).as("order kept").containsExactly(Atom.real(0.5), Atom.real(2));
        assertThat(map).isNotSameAs(integral).isEqualTo(OvsdbMap.of(Atom.string("a"), Atom.real(0.5), Atom.string("b"), Atom.real(2)));
        assertThat(((OvsdbMap) map).entries().keySet()).containsExactly(Atom.string("a"), Atom.string("b"));
        assertThat(integral.get("b")).as("the input is unchanged").isEqualTo(Atom.integer(2));
    }

    @Test
    void rejectsAMapWhoseKeysCollideOnceNormalized() {
        OvsdbMap collide = OvsdbMap.of(Atom.integer(1), Atom.string("x"), Atom.real(1), Atom.string("y"));

        assertThatThrownBy(() -> ColumnType.map(REAL, STRING, 0, 9).normalize(collide))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("duplicate key 1");
    }

    @Test
    void acceptsTheEmptySetForAnEmptyMap() {
        assertThat(ColumnType.map(STRING, STRING, 0, ColumnType.UNLIMITED).normalize(OvsdbSet.empty()))
                .isEqualTo(OvsdbMap.empty());
    }

    @Test
    void rejectsValuesOfTheWrongShapeOrType() {
        assertThatThrownBy(() -> ColumnType.scalar(INTEGER).normalize(Atom.string("5")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("expected integer");
        assertThatThrownBy(() -> ColumnType.scalar(INTEGER).normalize(Atom.real(5)))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("expected integer");
        assertThatThrownBy(() -> ColumnType.scalar(INTEGER).normalize(OvsdbSet.empty()))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("0 elements");
        assertThatThrownBy(() -> ColumnType.set(STRING, 0, 2).normalize(OvsdbSet.ofStrings("a", "b", "c")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("3 elements");
        assertThatThrownBy(() -> ColumnType.set(STRING, 0, 2).normalize(OvsdbMap.empty()))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("got map");
        assertThatThrownBy(() -> ColumnType.map(STRING, STRING, 0, 9).normalize(Atom.string("k")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("expected map");
        assertThatThrownBy(() -> ColumnType.set(REAL, 0, 9).normalize(OvsdbSet.of(Atom.integer(1), Atom.real(1))))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("duplicate element");
    }

    @Test
    void givesTheDefaultsOvsdbInitialisesColumnsWith() {
        assertThat(ColumnType.scalar(INTEGER).defaultValue()).isEqualTo(Atom.integer(0));
        assertThat(ColumnType.scalar(BaseType.of(AtomicType.BOOLEAN)).defaultValue()).isEqualTo(Atom.bool(false));
        assertThat(ColumnType.scalar(BaseType.of(AtomicType.UUID)).defaultValue()).isEqualTo(Atom.uuid(new UUID(0, 0)));
        assertThat(ColumnType.set(STRING, 1, 3).defaultValue()).isEqualTo(OvsdbSet.ofStrings(""));
        assertThat(ColumnType.map(STRING, INTEGER, 1, 3).defaultValue()).isEqualTo(OvsdbMap.of(Atom.string(""), Atom.integer(0)));
    }

    @Test
    void classifiesShapes() {
        assertThat(ColumnType.scalar(INTEGER).isScalar()).isTrue();
        assertThat(ColumnType.optional(INTEGER).isSet()).isTrue();
        assertThat(ColumnType.optional(INTEGER).isComposite()).isFalse();
        assertThat(ColumnType.map(STRING, STRING, 0, 1).isComposite()).isFalse();
        assertThat(ColumnType.set(INTEGER, 0, 2).isComposite()).isTrue();
    }

    @Test
    void checksConstraintsOnlyWhenAsked() {
        BaseType rate = INTEGER.withIntegerRange(0, 100);
        assertThat(rate.normalize(Atom.integer(-1))).isEqualTo(Atom.integer(-1));
        assertThat(rate.accepts(Atom.integer(-1))).isFalse();
        assertThat(rate.accepts(Atom.integer(100))).isTrue();
        BaseType name = STRING.withLengthRange(1, 2);
        assertThat(name.accepts(Atom.string("\uD83D\uDE00\uD83D\uDE00"))).as("two code points").isTrue();
        assertThat(name.accepts(Atom.string(""))).isFalse();
        BaseType mode = STRING.withEnumeration(OvsdbSet.ofStrings("up", "down"));
        assertThat(mode.accepts(Atom.string("up"))).isTrue();
        assertThat(mode.accepts(Atom.string("sideways"))).isFalse();
        assertThat(REAL.withRealRange(0, 1).accepts(Atom.integer(1))).isTrue();
    }

    @Test
    void normalizesARowNamingTheTableAndColumnOfABadValue() {
        TableSchema t = TableSchema.of("T", ColumnSchema.of("n", ColumnType.set(INTEGER, 0, 3)),
                ColumnSchema.of("m", ColumnType.map(STRING, STRING, 0, ColumnType.UNLIMITED)));
        assertThat(t.normalize(Row.of("n", Atom.integer(1)))).isEqualTo(Row.of("n", OvsdbSet.of(Atom.integer(1))));
        assertThatThrownBy(() -> t.normalize(Row.of("m", Atom.integer(1))))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageStartingWith("table T column m: expected map");
        assertThatThrownBy(() -> t.normalize(Row.of("x", Atom.integer(1))))
                .isInstanceOf(OvsdbProtocolException.class).hasMessage("table T has no column x");
        assertThat(t.normalize(Row.of("_uuid", OvsdbSet.of(Atom.uuid(new UUID(1, 2))))).uuid()).contains(new UUID(1, 2));
        assertThat(Map.copyOf(t.columns()).keySet()).contains("_uuid", "_version", "n", "m");
    }
}
