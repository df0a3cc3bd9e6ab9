package org.ovsqos.ovsdb.notation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.OvsdbProtocolException;

/** The value types themselves: immutability, validation, "with" returning new values. */
class ValueTest {

    @Test
    void realRejectsNanAndInfinity() {
        assertThatThrownBy(() -> Atom.real(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Atom.real(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroAndNegativeZeroAreOneRealAsForOvsdbServer() {
        assertThat(Atom.real(-0.0).value()).isEqualTo(0.0);
        assertThat(1 / Atom.real(-0.0).value()).as("stored as +0.0").isPositive();
        assertThatThrownBy(() -> OvsdbSet.of(Atom.real(0.0), Atom.real(-0.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> OvsdbMap.of(Atom.real(-0.0), Atom.integer(1), Atom.real(0.0), Atom.integer(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
    }

    @Test
    void namedUuidMustBeAnId() {
        assertThat(Atom.namedUuid("_row1").name()).isEqualTo("_row1");
        assertThatThrownBy(() -> Atom.namedUuid("row-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Atom.namedUuid("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void setIsAnImmutableCopy() {
        var source = new ArrayList<Atom>(List.of(Atom.integer(1)));
        OvsdbSet set = OvsdbSet.copyOf(source);
        source.add(Atom.integer(2));
        assertThat(set.size()).isEqualTo(1);
        assertThatThrownBy(() -> set.elements().add(Atom.integer(3))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void setOfRejectsDuplicatesAndNulls() {
        assertThatThrownBy(() -> OvsdbSet.of(Atom.integer(1), Atom.integer(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OvsdbSet.of(Atom.integer(1), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void mapWithReturnsANewMap() {
        OvsdbMap m = OvsdbMap.ofStrings(Map.of("a", "1"));
        OvsdbMap m2 = m.with(Atom.string("b"), Atom.string("2"));
        assertThat(m.size()).isEqualTo(1);
        assertThat(m2.get("b")).isEqualTo(Atom.string("2"));
        assertThat(m2.get("missing")).isNull();
        assertThatThrownBy(() -> OvsdbMap.of(Atom.string("a"), Atom.integer(1), Atom.string("a"), Atom.integer(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowWithReplacesInPlaceAndLeavesTheOriginal() {
        Row r = Row.of("a", Atom.integer(1), "b", Atom.integer(2));
        Row r2 = r.with("a", Atom.integer(9)).with("c", Atom.integer(3));
        assertThat(r.get("a")).isEqualTo(Atom.integer(1));
        assertThat(r2.columns().keySet()).containsExactly("a", "b", "c");
        assertThat(r2.get("a")).isEqualTo(Atom.integer(9));
        assertThat(r2.without("b").columns().keySet()).containsExactly("a", "c");
        assertThat(r.get("nope")).isNull();
        assertThat(r.uuid()).isEmpty();
    }

    @Test
    void rowUuidRejectsANonUuidUuidColumn() {
        assertThat(Row.of("_uuid", Atom.uuid(new UUID(1, 2))).uuid()).contains(new UUID(1, 2));
        assertThatThrownBy(() -> Row.of("_uuid", Atom.string("x")).uuid()).isInstanceOf(OvsdbProtocolException.class);
    }

    @Test
    void rowEqualityIgnoresColumnOrder() {
        assertThat(Row.of("a", Atom.integer(1), "b", Atom.integer(2)))
                .isEqualTo(Row.of("b", Atom.integer(2), "a", Atom.integer(1)));
    }
}
